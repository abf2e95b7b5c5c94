using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Events;

namespace Workforce.BuildingBlocks.Modules;

/// <summary>
/// A module as the Host runs it: what it registers, its place in the request pipeline, its endpoints, its permissions
/// and the roles that get them, and its demo data. The Host keeps one list of modules and iterates it; nothing else
/// names them (see Host/Modules.cs).
/// </summary>
public interface IModule
{
    /// <summary>Its schema, its routes' segment (<c>/api/v1/&lt;name&gt;</c>) and its permissions' prefix.</summary>
    string Name { get; }

    ModulePermissions Permissions { get; }

    /// <summary>
    /// The Chinese names of the fields its requests' validators check, by property name, or <c>Type.Property</c> where
    /// one of its requests means something else by it: validation messages in Chinese name the field by them.
    /// </summary>
    IReadOnlyDictionary<string, string> ChineseFieldNames => new Dictionary<string, string>();

    /// <summary>The event types it publishes to the change feed and webhooks: by default those its <c>…Events</c> classes declare.</summary>
    IReadOnlyList<EventType> EventTypes => EventType.DeclaredIn(GetType().Assembly);

    void AddServices(IServiceCollection services);

    /// <summary>Middleware the module puts into every request, where the Host runs the modules' middleware.</summary>
    void UseMiddleware(IApplicationBuilder app)
    {
    }

    void MapEndpoints(IEndpointRouteBuilder app);

    /// <summary>Its part of the demo dataset (<c>make run</c>), run in the order of the Host's list.</summary>
    Task SeedDemoDataAsync(DemoSeeding demo, CancellationToken ct) => Task.CompletedTask;
}
