using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Workforce.BuildingBlocks.Modules;

/// <summary>The Host's list of modules, run: their middleware where the pipeline calls for it, then their endpoints.</summary>
public static class ModuleHosting
{
    public static IApplicationBuilder UseModules(this IApplicationBuilder app)
    {
        foreach (var module in app.ApplicationServices.GetServices<IModule>())
        {
            module.UseMiddleware(app);
        }
        return app;
    }

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app)
    {
        foreach (var module in app.ServiceProvider.GetServices<IModule>())
        {
            module.MapEndpoints(app);
        }
        return app;
    }
}
