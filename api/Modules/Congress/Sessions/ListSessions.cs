namespace Workforce.Congress.Sessions;

/// <summary>The enterprise's congress sessions, latest first; optionally of one term or in some states.</summary>
internal sealed record ListSessions : PageQuery, IQuery<Page<Session>>
{
    public Guid? TermId { get; init; }
    public SessionStatus[]? Status { get; init; }
}

internal sealed class ListSessionsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListSessions, Page<Session>>
{
    private sealed record Key(DateOnly HeldOn, Guid Id);

    public Task<Page<Session>> Handle(ListSessions query, CancellationToken cancellationToken)
    {
        var after = query.After<Key>();
        const string Filter = """
            s.tenant_id = @Tenant AND (@TermId::uuid IS NULL OR s.term_id = @TermId)
            AND (@Statuses::text[] IS NULL OR s.status = ANY(@Statuses))
            """;
        return query.ReadAsync<Session, Key>(db,
            $"""
            SELECT {Session.Columns} FROM congress.sessions s
            WHERE {Filter} AND (@AfterHeldOn::date IS NULL OR (s.held_on, s.id) < (@AfterHeldOn, @AfterId))
            ORDER BY s.held_on DESC, s.id DESC
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM congress.sessions s WHERE {Filter}",
            new
            {
                Tenant = actor.TenantId,
                query.TermId,
                Statuses = query.Status.ToDbText(),
                AfterHeldOn = after?.HeldOn,
                AfterId = after?.Id,
                Fetch = query.FetchSize,
            },
            s => new Key(s.HeldOn, s.Id), cancellationToken);
    }
}

internal static class ListSessionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sessions", ([AsParameters] ListSessions query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListSessions")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress sessions")
        .WithSummary("List congress sessions, latest first")
        .Produces<Page<Session>>()
        .ProducesProblems(422);
}
