using Microsoft.Extensions.DependencyInjection;
using Workforce.Integration.Events;

namespace Workforce.Integration;

/// <summary>The Integration module: the change feed over the outbox, and webhooks that deliver it.</summary>
public static class IntegrationModule
{
    public static IServiceCollection AddIntegration(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapIntegration(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        ListEventsEndpoint.Map(api);
        return app;
    }
}
