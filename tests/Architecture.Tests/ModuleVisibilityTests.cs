using FluentValidation;
using MediatR;
using Workforce.BuildingBlocks.Modules;

namespace Workforce.Architecture.Tests;

/// <summary>A module's types are internal; only its <c>&lt;Name&gt;Module</c> class, which the Host runs, is public.</summary>
public class ModuleVisibilityTests
{
    private static readonly Type[] Handlers = [typeof(IRequestHandler<,>), typeof(IRequestHandler<>), typeof(INotificationHandler<>)];

    /// <summary>Every type of the module that code outside it can see, other than the module class.</summary>
    internal static IReadOnlyList<string> Violations(string moduleName, IEnumerable<Type> types) => types
        .Where(type => type.IsVisible && !IsModuleClass(moduleName, type))
        .Select(type => Implements(type, Handlers) ? $"{type.FullName} is a public MediatR handler; handlers must be internal."
            : Implements(type, typeof(IValidator<>)) ? $"{type.FullName} is a public validator; validators must be internal."
            : $"{type.FullName} is public; only the module class {moduleName}Module may be.")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static bool IsModuleClass(string moduleName, Type type) =>
        type.Name == $"{moduleName}Module" && !type.IsNested && type is { IsClass: true, IsAbstract: false, IsSealed: true } && typeof(IModule).IsAssignableFrom(type);

    private static bool Implements(Type type, params Type[] genericInterfaces) =>
        type.GetInterfaces().Any(i => i.IsGenericType && genericInterfaces.Contains(i.GetGenericTypeDefinition()));

    private static IReadOnlyList<string> ViolationsOf(ModuleProject module) => Violations(module.Name, module.Assembly.GetTypes());

    [Fact]
    public void Modules_expose_only_their_module_class() => Rules.AssertNone(Repository.Modules.SelectMany(ViolationsOf));

    [Fact]
    public void Visibility_rule_reports_public_handlers_validators_and_other_types() => Rules.AssertExactly(
        ["Workforce.Violations.GetSessionHandler is a public MediatR handler; handlers must be internal.",
         "Workforce.Violations.GetSessionValidator is a public validator; validators must be internal.",
         "Workforce.Violations.SessionFormatter is public; only the module class ViolationsModule may be."],
        ViolationsOf(Repository.Violations));
}
