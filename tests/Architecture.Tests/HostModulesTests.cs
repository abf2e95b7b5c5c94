using System.Reflection;
using Workforce.BuildingBlocks.Modules;
using Workforce.BuildingBlocks.Security;

namespace Workforce.Architecture.Tests;

/// <summary>
/// The Host runs one list of modules and BuildingBlocks names none of them: a module declares its own permissions and
/// role grants, which the catalog puts together as they were written by hand before.
/// </summary>
public class HostModulesTests
{
    internal static IReadOnlyList<IModule> HostModules { get; } = (IReadOnlyList<IModule>)typeof(Program).Assembly
        .GetType("Workforce.Host.Modules", throwOnError: true)!
        .GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    [Fact]
    public void The_host_runs_every_module_once()
    {
        Assert.Equal(Repository.Modules.Select(m => m.AssemblyName).Order(StringComparer.Ordinal),
            HostModules.Select(m => m.GetType().Assembly.GetName().Name!).Order(StringComparer.Ordinal));
        Assert.Equal(HostModules.Select(m => m.GetType().Name[..^"Module".Length].ToLowerInvariant()), HostModules.Select(m => m.Name));
    }

    [Fact]
    public void Directory_seeds_its_demo_data_first() => Assert.Equal("directory", HostModules[0].Name);

    [Fact]
    public void Roles_get_the_permissions_they_always_had()
    {
        var catalog = new PermissionCatalog(HostModules);
        string[] organisations = ["directory.organisations.read", "directory.organisations.write"];
        string[] accounts = ["access.audit.read", "access.clients.manage", "access.users.read", "access.users.write"];

        Assert.Equal([.. accounts, .. organisations], Sorted(catalog.Of(Role.PlatformAdmin)));
        Assert.Equal([.. accounts, "congress.region.read", .. organisations, "proposals.awards.manage", "proposals.awards.review", "proposals.region.read"],
            Sorted(catalog.Of(Role.RegionAdmin)));
        Assert.Equal(
            [.. accounts, "congress.sessions.manage", "congress.sessions.read", .. organisations,
             "directory.representatives.read", "directory.representatives.write", "directory.workers.read", "directory.workers.write",
             "integration.events.read", "integration.webhooks.manage", "proposals.manage", "proposals.read"],
            Sorted(catalog.Of(Role.EnterpriseAdmin)));
        Assert.Equal(["directory.organisations.read", "proposals.handle"], Sorted(catalog.Of(Role.Handler)));
        Assert.Equal(["congress.attend", "directory.organisations.read", "directory.representatives.read", "proposals.propose"], Sorted(catalog.Of(Role.Representative)));
        Assert.Equal(["directory.organisations.read"], Sorted(catalog.Of(Role.Worker)));
        Assert.Equal(organisations, Sorted(catalog.AcrossTenants));
        Assert.Equal(Enum.GetValues<Role>().SelectMany(catalog.Of).Order(StringComparer.Ordinal).Distinct(), Sorted(catalog.All));
    }

    [Fact]
    public void Whoever_runs_the_work_appoints_its_parties()
    {
        var catalog = new PermissionCatalog(HostModules);

        Assert.Empty(catalog.BeyondHeld(Role.Representative, new HashSet<string> { "congress.sessions.manage", "proposals.manage", "directory.organisations.read", "directory.representatives.read" }));
        Assert.Equal(["congress.attend"], catalog.BeyondHeld(Role.Representative, new HashSet<string> { "proposals.manage", "directory.organisations.read", "directory.representatives.read" }));
        Assert.Empty(catalog.BeyondHeld(Role.Handler, new HashSet<string> { "proposals.manage", "directory.organisations.read" }));
        Assert.Equal(["congress.region.read", "proposals.awards.manage", "proposals.awards.review", "proposals.region.read"],
            catalog.BeyondHeld(Role.RegionAdmin, catalog.Of(Role.PlatformAdmin)));
    }

    /// <summary>A constant such as <c>proposals.read</c> or a type named after a module, anywhere in BuildingBlocks.</summary>
    internal static IReadOnlyList<string> ModuleNamesIn(Assembly assembly, IReadOnlyCollection<string> moduleNames) => assembly.GetTypes()
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string)
                && moduleNames.Any(name => ((string)field.GetRawConstantValue()!).StartsWith(name.ToLowerInvariant() + ".", StringComparison.Ordinal)))
            .Select(field => $"{type.FullName}.{field.Name} names the {field.GetRawConstantValue()} of a module.")
            .Concat(moduleNames.Where(name => type.Name == name).Select(name => $"{type.FullName} is named after the {name} module.")))
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Building_blocks_name_no_module() =>
        Rules.AssertNone(ModuleNamesIn(typeof(PermissionCatalog).Assembly, [.. Repository.Modules.Select(m => m.Name), "Disclosure", "Competitions", "Training", "Rights", "Reform"]));

    private static class Permissions
    {
        public static class Congress
        {
            public const string SessionsRead = "congress.sessions.read";
        }
    }

    [Fact]
    public void Module_names_rule_reports_a_module_s_permission_and_a_type_named_after_a_module() => Rules.AssertExactly(
        ["Workforce.Architecture.Tests.HostModulesTests+Permissions+Congress is named after the Congress module.",
         "Workforce.Architecture.Tests.HostModulesTests+Permissions+Congress.SessionsRead names the congress.sessions.read of a module."],
        ModuleNamesIn(typeof(HostModulesTests).Assembly, ["Congress"]).Where(v => v.Contains("HostModulesTests+", StringComparison.Ordinal)));

    private static List<string> Sorted(IEnumerable<string> permissions) => permissions.Order(StringComparer.Ordinal).ToList();
}
