using Workforce.Congress.Sessions;
using Workforce.Directory.Contracts;

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

/// <summary>
/// The sessions the signed-in representative attends, latest first: those whose roster they are on, and the planned
/// sessions of the terms they serve in today (see RosterSeat).
/// </summary>
internal sealed record ListMySessions : IQuery<IReadOnlyList<MySessionSummary>>;

internal sealed class ListMySessionsHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<ListMySessions, IReadOnlyList<MySessionSummary>>
{
    public async Task<IReadOnlyList<MySessionSummary>> Handle(ListMySessions query, CancellationToken cancellationToken)
    {
        if (actor.WorkerId is not { } worker)
        {
            return [];
        }
        var planned = await db.QueryAsync<(Guid Id, Guid TermId)>(
            "SELECT id, term_id FROM congress.sessions WHERE tenant_id = @Tenant AND status = 'planned' ORDER BY held_on DESC LIMIT 50",
            new { Tenant = actor.TenantId }, cancellationToken);
        var plannedForMe = new List<Guid>();
        foreach (var term in planned.GroupBy(p => p.TermId))
        {
            var serving = await mediator.Send(new GetTermRoster(term.Key), cancellationToken);
            if (serving?.Representatives.Any(r => r.WorkerId == worker) == true)
            {
                plannedForMe.AddRange(term.Select(p => p.Id));
            }
        }
        return await db.QueryAsync<MySessionSummary>(
            """
            SELECT s.id, s.name, s.mode, s.held_on, s.venue, s.status,
                   EXISTS (SELECT 1 FROM congress.check_ins c
                           WHERE c.tenant_id = r.tenant_id AND c.session_id = r.session_id AND c.representative_id = r.representative_id) AS checked_in
            FROM congress.sessions s
                 LEFT JOIN congress.roster r ON r.tenant_id = s.tenant_id AND r.session_id = s.id AND r.worker_id = @Worker
            WHERE s.tenant_id = @Tenant AND (r.worker_id IS NOT NULL OR s.id = ANY(@Planned))
            ORDER BY s.held_on DESC, s.id DESC
            LIMIT 200
            """,
            new { Tenant = actor.TenantId, Worker = worker, Planned = plannedForMe.ToArray() }, cancellationToken);
    }
}

internal static class ListMySessionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/my/sessions", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMySessions(), ct))
        .WithName("ListMySessions")
        .RequirePermission(CongressPermissions.Attend)
        .WithTags("Representatives")
        .WithSummary("The sessions you are a representative in, latest first")
        .Produces<IReadOnlyList<MySessionSummary>>()
        .ProducesProblems(403);
}
