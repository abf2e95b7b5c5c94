namespace Workforce.Congress.Resolutions;

internal enum ResolutionStatus { NotStarted, InProgress, Completed, Suspended }

internal sealed record ResolutionNote
{
    public required Guid Id { get; init; }
    public required string Note { get; init; }
    public int? Progress { get; init; }
    public required string Author { get; init; }
    public required DateTimeOffset WrittenAt { get; init; }
}

/// <summary>A resolution (决议) adopted by a session, and how its execution is going: owner, due date, status, progress notes.</summary>
internal sealed record Resolution : IVersioned
{
    public required Guid Id { get; init; }
    public required Guid SessionId { get; init; }
    public required Guid MotionId { get; init; }
    public required int Item { get; init; }
    public required string Title { get; init; }
    public string? Owner { get; init; }
    public DateOnly? DueOn { get; init; }
    public required ResolutionStatus Status { get; init; }

    /// <summary>The latest progress reported in a note, 0 to 100.</summary>
    public int? Progress { get; init; }

    public required DateTimeOffset AdoptedAt { get; init; }
    public IReadOnlyList<ResolutionNote> Notes { get; init; } = [];
    public required int Version { get; init; }

    public const string Columns = """
        r.id, r.session_id, r.poll_id AS motion_id, r.item, r.title, r.owner, r.due_on, r.status, r.adopted_at, r.version,
        (SELECT n.progress FROM congress.resolution_notes n
         WHERE n.tenant_id = r.tenant_id AND n.resolution_id = r.id AND n.progress IS NOT NULL ORDER BY n.written_at DESC, n.id DESC LIMIT 1) AS progress
        """;

    public static readonly ProblemCode NotFoundCode = new(404, "resolution_not_found", new("The resolution was not found.", "未找到该决议。"));

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(new($"There is no resolution {id} in this enterprise.", $"本单位没有这项决议（{id}）。"));

    public static async Task<Resolution> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct)
    {
        var resolution = await db.QuerySingleOrDefaultAsync<Resolution>(
            $"SELECT {Columns} FROM congress.resolutions r WHERE r.tenant_id = @Tenant AND r.id = @Id", new { Tenant = tenant, Id = id }, ct)
            ?? throw NotFound(id);
        var notes = await db.QueryAsync<ResolutionNote>(
            "SELECT id, note, progress, author, written_at FROM congress.resolution_notes WHERE tenant_id = @Tenant AND resolution_id = @Id ORDER BY written_at, id",
            new { Tenant = tenant, Id = id }, ct);
        return resolution with { Notes = notes };
    }
}
