using System.Reflection;
using Workforce.BuildingBlocks.Security;

namespace Workforce.BuildingBlocks.Modules;

/// <summary>
/// The permissions a module's endpoints require, the roles that get them, who may give the ones that make someone a
/// party to the module's work, and those a grant keeps inside the tenants below the one it was made in.
/// </summary>
public sealed record ModulePermissions
{
    /// <summary>Every permission the module declares, each led by its name (<c>proposals.read</c>).</summary>
    public required IReadOnlyList<string> Declared { get; init; }

    public IReadOnlyDictionary<Role, IReadOnlyList<string>> Grants { get; init; } = new Dictionary<Role, IReadOnlyList<string>>();

    /// <summary>
    /// What someone does as a party (attends a congress, proposes, handles) is given by whoever runs that work, who need
    /// not do it themselves: the union appoints representatives and handlers without being one. Party permission →
    /// the permission that gives it.
    /// </summary>
    public IReadOnlyDictionary<string, string> GivenBy { get; init; } = new Dictionary<string, string>();

    /// <summary>What a grant still gives inside a tenant below its own: the structure, never its people or data.</summary>
    public IReadOnlyList<string> AcrossTenants { get; init; } = [];

    /// <summary>The string constants of a module's permissions class: its declared permissions.</summary>
    public static IReadOnlyList<string> ConstantsOf(Type permissions) => permissions
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToList();
}
