using Workforce.Congress.Sessions;

namespace Workforce.Congress.Representatives;

internal sealed record MySessionSummary
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required SessionMode Mode { get; init; }
    public required DateOnly HeldOn { get; init; }
    public string? Venue { get; init; }
    public required SessionStatus Status { get; init; }
    public required bool CheckedIn { get; init; }
}

/// <summary>The sessions the signed-in representative is on the roster of, latest first.</summary>
internal sealed record ListMySessions : IQuery<IReadOnlyList<MySessionSummary>>;

internal sealed class ListMySessionsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListMySessions, IReadOnlyList<MySessionSummary>>
{
    public async Task<IReadOnlyList<MySessionSummary>> Handle(ListMySessions query, CancellationToken cancellationToken) => actor.WorkerId is null
        ? []
        : await db.QueryAsync<MySessionSummary>(
            """
            SELECT s.id, s.name, s.mode, s.held_on, s.venue, s.status,
                   EXISTS (SELECT 1 FROM congress.check_ins c
                           WHERE c.tenant_id = r.tenant_id AND c.session_id = r.session_id AND c.representative_id = r.representative_id) AS checked_in
            FROM congress.roster r JOIN congress.sessions s ON s.tenant_id = r.tenant_id AND s.id = r.session_id
            WHERE r.tenant_id = @Tenant AND r.worker_id = @Worker
            ORDER BY s.held_on DESC, s.id DESC
            LIMIT 200
            """,
            new { Tenant = actor.TenantId, Worker = actor.WorkerId }, cancellationToken);
}

internal static class ListMySessionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/my/sessions", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMySessions(), ct))
        .WithName("ListMySessions")
        .RequirePermission(Permissions.Congress.Attend)
        .WithTags("Representatives")
        .WithSummary("The sessions you are a representative in, latest first")
        .Produces<IReadOnlyList<MySessionSummary>>()
        .ProducesProblems(403);
}
