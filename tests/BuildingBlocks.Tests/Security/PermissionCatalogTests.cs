using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Modules;
using Workforce.BuildingBlocks.Security;

namespace Workforce.BuildingBlocks.Tests.Security;

/// <summary>The catalog is what the modules declare, and refuses a declaration that would make the map ambiguous.</summary>
public class PermissionCatalogTests
{
    private sealed class Sample(string name, ModulePermissions permissions) : IModule
    {
        public string Name => name;

        public ModulePermissions Permissions => permissions;

        public void AddServices(IServiceCollection services)
        {
        }

        public void MapEndpoints(IEndpointRouteBuilder app)
        {
        }
    }

    private static readonly Sample Rights = new("rights", new()
    {
        Declared = ["rights.cases.read", "rights.cases.handle", "rights.report"],
        Grants = new Dictionary<Role, IReadOnlyList<string>>
        {
            [Role.EnterpriseAdmin] = ["rights.cases.read"],
            [Role.Handler] = ["rights.cases.handle"],
            [Role.Worker] = ["rights.report"],
        },
        GivenBy = new Dictionary<string, string> { ["rights.cases.handle"] = "rights.cases.read" },
    });

    private static readonly Sample Training = new("training", new()
    {
        Declared = ["training.courses.read", "training.courses.write"],
        Grants = new Dictionary<Role, IReadOnlyList<string>>
        {
            [Role.EnterpriseAdmin] = ["training.courses.read", "training.courses.write"],
            [Role.Worker] = ["training.courses.read"],
        },
        AcrossTenants = ["training.courses.read"],
    });

    [Fact]
    public void A_role_gets_what_every_module_grants_it()
    {
        var catalog = new PermissionCatalog([Rights, Training]);

        Assert.Equal(["rights.cases.handle", "rights.cases.read", "rights.report", "training.courses.read", "training.courses.write"], catalog.All.Order());
        Assert.Equal(["rights.cases.read", "training.courses.read", "training.courses.write"], catalog.Of(Role.EnterpriseAdmin).Order());
        Assert.Equal(["rights.report", "training.courses.read"], catalog.Of(Role.Worker).Order());
        Assert.Empty(catalog.Of(Role.PlatformAdmin));
        Assert.Equal(["training.courses.read"], catalog.AcrossTenants);
    }

    [Fact]
    public void A_party_s_permission_is_given_by_whoever_holds_the_one_that_gives_it()
    {
        var catalog = new PermissionCatalog([Rights, Training]);

        Assert.Empty(catalog.BeyondHeld(Role.Handler, new HashSet<string> { "rights.cases.read" }));
        Assert.Equal(["rights.cases.handle"], catalog.BeyondHeld(Role.Handler, new HashSet<string> { "rights.report" }));
        Assert.Equal(["rights.cases.read", "training.courses.write"], catalog.BeyondHeld(Role.EnterpriseAdmin, new HashSet<string> { "training.courses.read" }));
    }

    [Theory]
    [InlineData("congress.sessions.read", "The rights module declares congress.sessions.read, which is not led by \"rights.\".")]
    [InlineData("rightsx.read", "The rights module declares rightsx.read, which is not led by \"rights.\".")]
    public void A_permission_not_led_by_its_module_s_name_is_refused(string permission, string refusal)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([new Sample("rights", new() { Declared = [permission] })]));
        Assert.Equal(refusal, error.Message);
    }

    [Fact]
    public void A_permission_declared_twice_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([Rights, new Sample("rights", new() { Declared = ["rights.report"] })]));
        Assert.Equal("rights.report is declared twice.", error.Message);
    }

    [Fact]
    public void A_module_grants_keeps_and_gives_only_what_it_declares()
    {
        ModulePermissions Declaring(string permission) => new() { Declared = [permission] };

        Assert.Equal("The training module grants the Worker role rights.report, which it does not declare.",
            Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([Rights, new Sample("training", Declaring("training.courses.read") with
            {
                Grants = new Dictionary<Role, IReadOnlyList<string>> { [Role.Worker] = ["rights.report"] },
            })])).Message);
        Assert.Equal("The training module keeps across tenants training.courses.write, which it does not declare.",
            Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([new Sample("training", Declaring("training.courses.read") with
            {
                AcrossTenants = ["training.courses.write"],
            })])).Message);
        Assert.Equal("The training module lets a party's permission be given by rights.cases.read, which it does not declare.",
            Assert.Throws<InvalidOperationException>(() => new PermissionCatalog([Rights, new Sample("training", Declaring("training.courses.read") with
            {
                GivenBy = new Dictionary<string, string> { ["training.courses.read"] = "rights.cases.read" },
            })])).Message);
    }

    private static class SampleConstants
    {
        public const string Read = "rights.cases.read";
        internal const string Handle = "rights.cases.handle";
        public static readonly string NotAConstant = "rights.other";
        public const int NotAString = 3;
    }

    [Fact]
    public void A_module_s_declared_permissions_are_the_string_constants_of_its_permissions_class() =>
        Assert.Equal(["rights.cases.read", "rights.cases.handle"], ModulePermissions.ConstantsOf(typeof(SampleConstants)));
}
