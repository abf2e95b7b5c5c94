namespace Workforce.Congress.Documents;

/// <summary>What a delegation group said in discussion (分组讨论), about one of the session's documents or about the session as a whole.</summary>
internal sealed record GroupOpinion
{
    public required Guid Id { get; init; }
    public required Guid SessionId { get; init; }
    public required string DelegationGroup { get; init; }

    /// <summary>The document discussed; null for an opinion on the session as a whole.</summary>
    public Guid? DocumentId { get; init; }

    public string? DocumentTitle { get; init; }
    public required string Opinion { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }

    private const string Select = """
        SELECT o.id, o.session_id, o.delegation_group, o.document_id, d.title AS document_title, o.opinion, o.recorded_by, o.recorded_at
        FROM congress.group_opinions o
        LEFT JOIN congress.documents d ON d.tenant_id = o.tenant_id AND d.id = o.document_id
        """;

    public static async Task<GroupOpinion> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct) =>
        await db.QuerySingleAsync<GroupOpinion>($"{Select} WHERE o.tenant_id = @Tenant AND o.id = @Id", new { Tenant = tenant, Id = id }, ct);

    /// <summary>A session's opinions, group by group, each group's in the order they were recorded.</summary>
    public static Task<IReadOnlyList<GroupOpinion>> OfSessionAsync(DbSession db, Guid tenant, Guid sessionId, CancellationToken ct) =>
        db.QueryAsync<GroupOpinion>($"{Select} WHERE o.tenant_id = @Tenant AND o.session_id = @SessionId ORDER BY o.delegation_group, o.id",
            new { Tenant = tenant, SessionId = sessionId }, ct);
}
