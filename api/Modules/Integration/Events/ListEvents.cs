using System.Text.Json;

namespace Workforce.Integration.Events;

/// <summary>
/// The change feed: the acting tenant's domain events in commit order, from the outbox. Keep the nextCursor of each
/// page and ask again with ?after= to get what happened since; the cursor is returned even when nothing did.
/// </summary>
internal sealed record ListEvents : IQuery<EventPage>
{
    /// <summary>The nextCursor of the previous page; from the beginning when absent.</summary>
    public string? After { get; init; }

    public int? Limit { get; init; }

    /// <summary>Only these event types, e.g. directory.worker.registered.</summary>
    public string[]? Types { get; init; }
}

internal sealed record FeedEvent(Guid Id, string Type, string EntityType, Guid EntityId, DateTimeOffset OccurredAt, JsonElement Data);

internal sealed record EventPage(IReadOnlyList<FeedEvent> Items, string NextCursor, bool HasMore);

internal sealed class ListEventsValidator : AbstractValidator<ListEvents>
{
    public ListEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleForEach(q => q.Types).MaximumLength(100);
    }
}

internal sealed class ListEventsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListEvents, EventPage>
{
    private sealed record Position(long After);

    private sealed record Row
    {
        public required long Position { get; init; }
        public required Guid Id { get; init; }
        public required string Type { get; init; }
        public required string EntityType { get; init; }
        public required Guid EntityId { get; init; }
        public required DateTimeOffset OccurredAt { get; init; }
        public required JsonElement Data { get; init; }
    }

    public async Task<EventPage> Handle(ListEvents query, CancellationToken cancellationToken)
    {
        var after = Keyset.Decode<Position>(query.After)?.After ?? 0;
        var limit = query.Limit ?? 100;
        var rows = await db.QueryAsync<Row>(
            """
            SELECT position, id, type, entity_type, entity_id, occurred_at, data FROM shared.outbox
            WHERE tenant_id = @Tenant AND position > @After AND (@Types::text[] IS NULL OR type = ANY (@Types))
            ORDER BY position
            LIMIT @Fetch
            """,
            new { Tenant = actor.TenantId, After = after, Types = query.Types is { Length: > 0 } types ? types : null, Fetch = limit + 1 },
            cancellationToken);
        var page = rows.Take(limit).ToList();
        var last = page.Count > 0 ? page[^1].Position : after;
        return new EventPage(
            page.Select(r => new FeedEvent(r.Id, r.Type, r.EntityType, r.EntityId, r.OccurredAt, r.Data)).ToList(),
            Keyset.Encode(new Position(last)),
            rows.Count > limit);
    }
}

internal static class ListEventsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/events", ([AsParameters] ListEvents query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .RequirePermission(IntegrationPermissions.EventsRead)
        .WithName("ListEvents")
        .WithTags("Events")
        .WithSummary("Read the change feed: the domain events of the organisation you act for, in commit order")
        .Produces<EventPage>()
        .ProducesProblems(401, 403, 422);
}
