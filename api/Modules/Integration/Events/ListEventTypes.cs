using Workforce.BuildingBlocks.Events;

namespace Workforce.Integration.Events;

/// <summary>
/// Every event type the change feed and webhooks carry, by name, each with what it is called in the caller's language:
/// what a subscription may name in its eventTypes.
/// </summary>
internal sealed record ListEventTypes : IQuery<EventTypeList>;

internal sealed record EventTypeSummary
{
    /// <summary>module.entity.happening, as a subscription's eventTypes name it.</summary>
    public required string Name { get; init; }

    /// <summary>The type of the entity its events are about.</summary>
    public required string EntityType { get; init; }

    /// <summary>What it is called, in the caller's language.</summary>
    public required string Title { get; init; }
}

internal sealed record EventTypeList
{
    public required IReadOnlyList<EventTypeSummary> Items { get; init; }
}

internal sealed class ListEventTypesHandler(EventCatalogue catalogue) : IRequestHandler<ListEventTypes, EventTypeList>
{
    public Task<EventTypeList> Handle(ListEventTypes query, CancellationToken cancellationToken) =>
        Task.FromResult(new EventTypeList
        {
            Items = catalogue.All.Select(type => new EventTypeSummary { Name = type.Name, EntityType = type.EntityType, Title = type.Title.Said }).ToList(),
        });
}

internal static class ListEventTypesEndpoint
{
    public static void Map(IEndpointRouteBuilder integration) => integration
        .MapGet("/event-types", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListEventTypes(), ct))
        .RequirePermission(IntegrationPermissions.WebhooksManage, IntegrationPermissions.EventsRead)
        .WithName("ListEventTypes")
        .WithTags("Events")
        .WithSummary("List the event types the change feed and webhooks carry, each with its name in the caller's language")
        .Produces<EventTypeList>()
        .ProducesProblems(401, 403);
}
