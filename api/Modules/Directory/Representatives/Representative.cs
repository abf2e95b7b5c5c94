namespace Workforce.Directory.Representatives;

/// <summary>A worker's appointment as representative (职工代表) for a term.</summary>
internal sealed record Representative : IVersioned
{
    public required Guid Id { get; init; }
    public required Guid TermId { get; init; }
    public required Guid WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required string EmployeeNumber { get; init; }
    public required string UnitName { get; init; }

    /// <summary>代表团/组</summary>
    public required string DelegationGroup { get; init; }

    /// <summary>职工董事</summary>
    public required bool IsWorkerDirector { get; init; }

    /// <summary>职工监事</summary>
    public required bool IsWorkerSupervisor { get; init; }

    public required DateOnly AppointedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string? EndReason { get; init; }
    public required int Version { get; init; }

    public bool Active => EndedOn is null;

    /// <summary>Columns of an appointment <c>r</c> joined to its worker <c>w</c> and the worker's unit <c>u</c>.</summary>
    public const string Columns = """
        r.id, r.term_id, r.worker_id, w.name AS worker_name, w.employee_number, u.name AS unit_name, r.delegation_group,
        r.is_worker_director, r.is_worker_supervisor, r.appointed_on, r.ended_on, r.end_reason, r.version
        """;

    public const string Joins = """
        JOIN directory.workers w ON w.tenant_id = r.tenant_id AND w.id = r.worker_id
        JOIN directory.organisations u ON u.tenant_id = w.tenant_id AND u.id = w.unit_id
        """;

    private static readonly ProblemCode NotFoundCode = new(404, "representative_not_found",
        new("The representative appointment was not found.", "未找到该职工代表的任职记录。"));

    public static ProblemException NotFound(Guid id) =>
        NotFoundCode.With(new($"There is no representative appointment {id} in this enterprise.", $"本企业没有这条职工代表任职记录（{id}）。"));

    /// <summary>Runs a statement that writes one appointment row (<c>RETURNING *</c>) and reads it back with its worker.</summary>
    public static Task<Representative> WriteAsync(DbSession db, string writeReturningAll, object parameters, CancellationToken ct) =>
        db.QuerySingleAsync<Representative>($"WITH r AS ({writeReturningAll}) SELECT {Columns} FROM r {Joins}", parameters, ct);
}
