namespace Workforce.Directory.Representatives;

/// <summary>A term's representatives by delegation group (in the order of the groups' numbers), then name in pinyin order.</summary>
internal sealed record ListRepresentatives : PageQuery, IQuery<Page<Representative>>
{
    public Guid TermId { get; init; }
    public string? DelegationGroup { get; init; }

    /// <summary>true: serving now; false: appointments that ended; absent: both.</summary>
    public bool? Active { get; init; }
}

internal sealed class ListRepresentativesHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListRepresentatives, Page<Representative>>
{
    private sealed record Key(string Group, string Name, Guid Id);

    private const string Filter = """
        r.tenant_id = @Tenant AND r.term_id = @TermId
          AND (@DelegationGroup::text IS NULL OR r.delegation_group = @DelegationGroup)
          AND (@Active::boolean IS NULL OR (r.ended_on IS NULL) = @Active)
        """;

    public async Task<Page<Representative>> Handle(ListRepresentatives query, CancellationToken cancellationToken)
    {
        _ = await CongressTerm.FindAsync(db, actor.TenantId, query.TermId, cancellationToken) ?? throw CongressTerm.NotFound(query.TermId);
        var after = query.After<Key>();
        var parameters = new
        {
            Tenant = actor.TenantId,
            query.TermId,
            query.DelegationGroup,
            query.Active,
            AfterGroup = after?.Group,
            AfterName = after?.Name,
            AfterId = after?.Id,
            Fetch = query.FetchSize,
        };
        return await query.ReadAsync<Representative, Key>(db,
            $"""
            SELECT {Representative.Columns} FROM directory.representatives r {Representative.Joins}
            WHERE {Filter}
              AND (@AfterId::uuid IS NULL
                   OR (directory.delegation_group_order(r.delegation_group), r.delegation_group COLLATE "zh-x-icu", w.name COLLATE "zh-x-icu", r.id)
                    > (directory.delegation_group_order(@AfterGroup), @AfterGroup COLLATE "zh-x-icu", @AfterName COLLATE "zh-x-icu", @AfterId))
            ORDER BY directory.delegation_group_order(r.delegation_group), r.delegation_group COLLATE "zh-x-icu", w.name COLLATE "zh-x-icu", r.id
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM directory.representatives r WHERE {Filter}",
            parameters, r => new Key(r.DelegationGroup, r.WorkerName, r.Id), cancellationToken);
    }
}

internal static class ListRepresentativesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/terms/{termId:guid}/representatives", ([AsParameters] ListRepresentatives query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListRepresentatives")
        .RequirePermission(DirectoryPermissions.RepresentativesRead)
        .WithTags("Representatives")
        .WithSummary("List a term's representatives by delegation group, keyset-paged")
        .Produces<Page<Representative>>()
        .ProducesProblems(404, 422);
}
