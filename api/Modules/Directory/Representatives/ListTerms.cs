namespace Workforce.Directory.Representatives;

/// <summary>The enterprise's congress terms, newest first.</summary>
internal sealed record ListTerms : PageQuery, IQuery<Page<CongressTerm>>;

internal sealed class ListTermsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListTerms, Page<CongressTerm>>
{
    private sealed record Key(int Number);

    public async Task<Page<CongressTerm>> Handle(ListTerms query, CancellationToken cancellationToken)
    {
        var parameters = new { Tenant = actor.TenantId, AfterNumber = query.After<Key>()?.Number, Fetch = query.FetchSize };
        return await query.ReadAsync<CongressTerm, Key>(db,
            $"""
            SELECT {CongressTerm.Columns} FROM directory.congress_terms t
            WHERE t.tenant_id = @Tenant AND (@AfterNumber::int IS NULL OR t.number < @AfterNumber)
            ORDER BY t.number DESC
            LIMIT @Fetch
            """,
            "SELECT count(*) FROM directory.congress_terms WHERE tenant_id = @Tenant",
            parameters, t => new Key(t.Number), cancellationToken);
    }
}

internal static class ListTermsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/terms", ([AsParameters] ListTerms query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListTerms")
        .RequirePermission(DirectoryPermissions.RepresentativesRead)
        .WithTags("Representatives")
        .WithSummary("List the enterprise's congress terms, newest first")
        .Produces<Page<CongressTerm>>()
        .ProducesProblems(422);
}
