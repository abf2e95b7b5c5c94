using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Modules;
using Workforce.Directory;

namespace Workforce.Violations;

// Allowed: the module's class. Running Directory's services makes the forbidden reference a compiled one.
public sealed class ViolationsModule : IModule
{
    public string Name => "violations";

    public ModulePermissions Permissions { get; } = new() { Declared = [] };

    public void AddServices(IServiceCollection services) => new DirectoryModule().AddServices(services);

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
