namespace Workforce.Proposals.Calls;

/// <summary>Calls for proposals, latest opening first; only those open on a day when <see cref="OpenOn"/> is given.</summary>
internal sealed record ListCalls : PageQuery, IQuery<Page<Call>>
{
    public DateOnly? OpenOn { get; init; }
}

internal sealed class ListCallsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListCalls, Page<Call>>
{
    private sealed record Key(DateOnly OpensOn, Guid Id);

    public Task<Page<Call>> Handle(ListCalls query, CancellationToken cancellationToken)
    {
        var after = query.After<Key>();
        const string Filter = "c.tenant_id = @Tenant AND (@OpenOn::date IS NULL OR @OpenOn BETWEEN c.opens_on AND c.closes_on)";
        return query.ReadAsync<Call, Key>(db,
            $"""
            SELECT {Call.Columns} FROM proposals.calls c
            WHERE {Filter} AND (@AfterOpensOn::date IS NULL OR (c.opens_on, c.id) < (@AfterOpensOn, @AfterId))
            ORDER BY c.opens_on DESC, c.id DESC LIMIT @Fetch
            """,
            $"SELECT count(*) FROM proposals.calls c WHERE {Filter}",
            new { Tenant = actor.TenantId, query.OpenOn, AfterOpensOn = after?.OpensOn, AfterId = after?.Id, Fetch = query.FetchSize },
            c => new Key(c.OpensOn, c.Id), cancellationToken);
    }
}

internal static class ListCallsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/calls", ([AsParameters] ListCalls query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListCalls")
        .RequirePermission(ProposalsPermissions.Read, ProposalsPermissions.Propose)
        .WithTags("Proposal calls")
        .WithSummary("List calls for proposals, latest first")
        .Produces<Page<Call>>()
        .ProducesProblems(422);
}
