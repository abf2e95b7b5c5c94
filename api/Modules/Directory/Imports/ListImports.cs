namespace Workforce.Directory.Imports;

/// <summary>The enterprise's imports the actor may follow, newest first; optionally in some phases or since a moment.</summary>
internal sealed record ListImports : PageQuery, IQuery<Page<ImportJob>>
{
    public ImportPhase[]? Phase { get; init; }

    /// <summary>Only those started at or after this moment.</summary>
    public DateTimeOffset? Since { get; init; }
}

internal sealed class ListImportsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListImports, Page<ImportJob>>
{
    private sealed record Key(Guid Id);

    private const string Filter = """
        j.tenant_id = @Tenant AND j.kind = ANY(@Kinds)
        AND (@Phases::text[] IS NULL OR j.phase = ANY(@Phases))
        AND (@Since::timestamptz IS NULL OR j.created_at >= @Since)
        """;

    public Task<Page<ImportJob>> Handle(ListImports query, CancellationToken cancellationToken) =>
        query.ReadAsync<ImportJob, Key>(db,
            $"""
            SELECT {ImportJob.Columns} FROM directory.import_jobs j
            WHERE {Filter} AND (@After::uuid IS NULL OR j.id < @After)
            ORDER BY j.id DESC
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM directory.import_jobs j WHERE {Filter}",
            new
            {
                Tenant = actor.TenantId, Kinds = ImportJob.FollowedKinds(actor), Phases = query.Phase.ToDbText(), Since = query.Since?.ToUniversalTime(),
                After = query.After<Key>()?.Id, Fetch = query.FetchSize,
            },
            j => new Key(j.Id), cancellationToken);
}

internal static class ListImportsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports", ([AsParameters] ListImports query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .RequirePermission(ImportJob.FollowedWith)
        .WithName("ListImports")
        .WithTags("Imports")
        .WithSummary("List the enterprise's imports you may follow (imports of workers need the right to read workers), newest first; filtered by phase and start")
        .Produces<Page<ImportJob>>()
        .ProducesProblems(401, 403, 422);
}
