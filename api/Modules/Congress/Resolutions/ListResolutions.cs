namespace Workforce.Congress.Resolutions;

/// <summary>Resolutions, newest first; of one session, in some states, or only those past their due date and not completed.</summary>
internal sealed record ListResolutions : PageQuery, IQuery<Page<Resolution>>
{
    public Guid? SessionId { get; init; }
    public ResolutionStatus[]? Status { get; init; }
    public bool? Overdue { get; init; }
}

internal sealed class ListResolutionsHandler(DbSession db, CurrentActor actor, EnterpriseCalendar calendar) : IRequestHandler<ListResolutions, Page<Resolution>>
{
    private sealed record Key(DateTimeOffset AdoptedAt, Guid Id);

    public async Task<Page<Resolution>> Handle(ListResolutions query, CancellationToken cancellationToken)
    {
        var after = query.After<Key>();
        const string Filter = """
            r.tenant_id = @Tenant AND (@SessionId::uuid IS NULL OR r.session_id = @SessionId)
            AND (@Statuses::text[] IS NULL OR r.status = ANY(@Statuses))
            AND (NOT @Overdue OR (r.due_on < @Today AND r.status NOT IN ('completed', 'suspended')))
            """;
        var today = (await calendar.OwnAsync(cancellationToken)).Today;
        return await query.ReadAsync<Resolution, Key>(db,
            $"""
            SELECT {Resolution.Columns} FROM congress.resolutions r
            WHERE {Filter} AND (@AfterAdoptedAt::timestamptz IS NULL OR (r.adopted_at, r.id) < (@AfterAdoptedAt, @AfterId))
            ORDER BY r.adopted_at DESC, r.id DESC
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM congress.resolutions r WHERE {Filter}",
            new
            {
                Tenant = actor.TenantId,
                query.SessionId,
                Statuses = query.Status.ToDbText(),
                Overdue = query.Overdue ?? false,
                Today = today,
                AfterAdoptedAt = after?.AdoptedAt,
                AfterId = after?.Id,
                Fetch = query.FetchSize,
            },
            r => new Key(r.AdoptedAt, r.Id), cancellationToken);
    }
}

internal static class ListResolutionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/resolutions", ([AsParameters] ListResolutions query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListResolutions")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress resolutions")
        .WithSummary("List resolutions and their execution, newest first")
        .Produces<Page<Resolution>>()
        .ProducesProblems(422);
}
