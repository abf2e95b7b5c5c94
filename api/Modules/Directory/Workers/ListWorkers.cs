namespace Workforce.Directory.Workers;

internal enum WorkerSort { Name, EmployeeNumber }

/// <summary>A worker as lists show them: resident ID and phone masked, sensitive flags left out.</summary>
internal sealed record WorkerListItem
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string EmployeeNumber { get; init; }
    public required string ResidentIdMasked { get; init; }
    public string? PhoneMasked { get; init; }
    public required Gender Gender { get; init; }
    public required Guid UnitId { get; init; }
    public required string UnitName { get; init; }
    public string? Post { get; init; }
    public SkillGrade? SkillGrade { get; init; }
    public required bool UnionMember { get; init; }
    public required WorkerStatus Status { get; init; }
    public DateOnly? HiredOn { get; init; }
    public required int Version { get; init; }
}

internal sealed record ListWorkers : PageQuery, IQuery<Page<WorkerListItem>>
{
    /// <summary>Only workers of this unit and its sub-units.</summary>
    public Guid? UnitId { get; init; }

    public SkillGrade[]? SkillGrade { get; init; }
    public WorkerStatus[]? Status { get; init; }

    /// <summary>Part of the name, or the start of the employee number.</summary>
    public string? Q { get; init; }

    /// <summary>name (pinyin order, the default) or employeeNumber.</summary>
    public WorkerSort? Sort { get; init; }
}

internal sealed class ListWorkersValidator : AbstractValidator<ListWorkers>
{
    public ListWorkersValidator() => RuleFor(q => q.Q).MaximumLength(50);
}

internal sealed class ListWorkersHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListWorkers, Page<WorkerListItem>>
{
    private sealed record Key(WorkerSort Sort, string Value, Guid Id);

    private const string Filter = """
        w.tenant_id = @Tenant
          AND (@UnitId::uuid IS NULL OR w.unit_id IN (
                SELECT id FROM directory.organisations WHERE tenant_id = @Tenant AND path @> ARRAY[@UnitId]::uuid[]))
          AND (@SkillGrades::text[] IS NULL OR w.skill_grade = ANY (@SkillGrades))
          AND (@Statuses::text[] IS NULL OR w.status = ANY (@Statuses))
          AND (@Name::text IS NULL OR w.name ILIKE @Name OR w.employee_number ILIKE @NumberPrefix)
        """;

    /// <summary>One page of workers in the sort order, after the keyset cursor's position when there is one.</summary>
    internal static string PageSql(WorkerSort sort)
    {
        var (sortKey, sortValue) = sort == WorkerSort.Name
            ? ("w.name COLLATE \"zh-x-icu\"", "@AfterValue COLLATE \"zh-x-icu\"")
            : ("w.employee_number", "@AfterValue");
        return $"""
            SELECT w.id, w.name, w.employee_number, w.resident_id_masked, w.phone_masked, w.gender, w.unit_id, u.name AS unit_name,
                   w.post, w.skill_grade, w.union_member, w.status, w.hired_on, w.version
            FROM directory.workers w JOIN directory.organisations u ON u.tenant_id = w.tenant_id AND u.id = w.unit_id
            WHERE {Filter}
              AND (@AfterId::uuid IS NULL OR ({sortKey}, w.id) > ({sortValue}, @AfterId))
            ORDER BY {sortKey}, w.id
            LIMIT @Fetch
            """;
    }

    public async Task<Page<WorkerListItem>> Handle(ListWorkers query, CancellationToken cancellationToken)
    {
        var sort = query.Sort ?? WorkerSort.Name;
        var after = query.After<Key>();
        if (after is not null && after.Sort != sort)
        {
            throw Problems.InvalidCursor.With(new("This cursor belongs to another sort order; start again without it.", "此翻页位置属于另一种排序，请去掉它从头查询。"));
        }
        var parameters = new
        {
            Tenant = actor.TenantId,
            query.UnitId,
            SkillGrades = query.SkillGrade.ToDbText(),
            Statuses = query.Status.ToDbText(),
            Name = SqlText.Contains(query.Q),
            NumberPrefix = SqlText.StartsWith(query.Q),
            AfterValue = after?.Value,
            AfterId = after?.Id,
            Fetch = query.FetchSize,
        };
        return await query.ReadAsync<WorkerListItem, Key>(db, PageSql(sort),
            $"SELECT count(*) FROM directory.workers w WHERE {Filter}",
            parameters, w => new Key(sort, sort == WorkerSort.Name ? w.Name : w.EmployeeNumber, w.Id), cancellationToken);
    }
}

internal static class ListWorkersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/workers", ([AsParameters] ListWorkers query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListWorkers")
        .RequirePermission(DirectoryPermissions.WorkersRead)
        .WithTags("Workers")
        .WithSummary("List workers with masked sensitive fields, filtered and keyset-paged")
        .Produces<Page<WorkerListItem>>()
        .ProducesProblems(422);
}
