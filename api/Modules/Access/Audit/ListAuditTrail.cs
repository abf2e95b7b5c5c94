using System.Text.Json;

namespace Workforce.Access.Audit;

/// <summary>
/// The audit trail of the organisation (tenant) the actor acts for, newest first: who changed what, when, in which
/// request, with the fields before and after (secret ones redacted). Read-only: nothing changes or removes an entry.
/// </summary>
internal sealed record ListAuditTrail : PageQuery, IQuery<Page<AuditEntry>>
{
    /// <summary>directory, access, ...</summary>
    public string? Module { get; init; }

    /// <summary>The table the entity lives in, e.g. workers.</summary>
    public string? EntityType { get; init; }

    public Guid? EntityId { get; init; }
    public Guid? ActorId { get; init; }

    /// <summary>The request that made the change, e.g. RegisterWorker.</summary>
    public string? Operation { get; init; }

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
}

internal sealed record AuditEntry
{
    public required long Id { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string ActorType { get; init; }
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }
    public string? RequestId { get; init; }
    public required string Operation { get; init; }
    public required string Module { get; init; }
    public required string EntityType { get; init; }
    public required Guid EntityId { get; init; }

    /// <summary>
    /// What the record is called (a worker's or organisation's name, a proposal's title, a user's display name), as its
    /// latest entry that records one has it; none for records without a name of their own (a grant, a check-in).
    /// </summary>
    public string? EntityName { get; init; }

    /// <summary>insert, update or delete.</summary>
    public required string Action { get; init; }

    /// <summary>Each changed field with its value before and after.</summary>
    public required JsonElement Changes { get; init; }
}

internal sealed class ListAuditTrailValidator : AbstractValidator<ListAuditTrail>
{
    public ListAuditTrailValidator()
    {
        RuleFor(q => q.Module).MaximumLength(40);
        RuleFor(q => q.EntityType).MaximumLength(60);
        RuleFor(q => q.Operation).MaximumLength(100);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

internal sealed class ListAuditTrailHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListAuditTrail, Page<AuditEntry>>
{
    private sealed record Key(long Id);

    // The trail holds each tracked row as it was written (an insert's or delete's whole row, an update's changed fields),
    // so it names the records of every module without asking each: the newest of the record's entries that holds a name.
    private const string EntityName = """
        LEFT JOIN LATERAL (
            SELECT named.name
            FROM shared.audit_trail n
            CROSS JOIN LATERAL (
                SELECT coalesce(r ->> 'name', r ->> 'title', r ->> 'display_name', r ->> 'theme', r ->> 'url', r ->> 'file_name') AS name
                FROM (SELECT coalesce(n.after, n.before, (SELECT jsonb_object_agg(c.key, c.value -> 'after') FROM jsonb_each(n.changes) c)) AS r) recorded
            ) named
            WHERE n.tenant_id = a.tenant_id AND n.entity_id = a.entity_id AND n.module = a.module AND n.entity_type = a.entity_type
              AND named.name IS NOT NULL
            ORDER BY n.id DESC
            LIMIT 1
        ) record ON true
        """;

    private const string Filter = """
        a.tenant_id = @Tenant
          AND (@Module::text IS NULL OR a.module = @Module)
          AND (@EntityType::text IS NULL OR a.entity_type = @EntityType)
          AND (@EntityId::uuid IS NULL OR a.entity_id = @EntityId)
          AND (@ActorId::uuid IS NULL OR a.actor_id = @ActorId)
          AND (@Operation::text IS NULL OR a.operation = @Operation)
          AND (@From::timestamptz IS NULL OR a.occurred_at >= @From)
          AND (@To::timestamptz IS NULL OR a.occurred_at < @To)
        """;

    public async Task<Page<AuditEntry>> Handle(ListAuditTrail query, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            Tenant = actor.TenantId,
            query.Module,
            query.EntityType,
            query.EntityId,
            query.ActorId,
            query.Operation,
            query.From,
            query.To,
            After = query.After<Key>()?.Id,
            Fetch = query.FetchSize,
        };
        return await query.ReadAsync<AuditEntry, Key>(db,
            $"""
            SELECT a.id, a.occurred_at, a.actor_type, a.actor_id, a.actor_name, a.request_id, a.operation, a.module,
                   a.entity_type, a.entity_id, record.name AS entity_name, a.action, shared.audit_changes(a.changes, a.before, a.after) AS changes
            FROM shared.audit_trail a
            {EntityName}
            WHERE {Filter} AND (@After::bigint IS NULL OR a.id < @After)
            ORDER BY a.id DESC
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM shared.audit_trail a WHERE {Filter}",
            parameters, e => new Key(e.Id), cancellationToken);
    }
}

internal static class ListAuditTrailEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/audit", ([AsParameters] ListAuditTrail query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .RequirePermission(AccessPermissions.AuditRead)
        .WithName("ListAuditTrail")
        .WithTags("Audit")
        .WithSummary("Read the audit trail of the organisation you act for, newest first, filtered and keyset-paged")
        .Produces<Page<AuditEntry>>()
        .ProducesProblems(401, 403, 422);
}
