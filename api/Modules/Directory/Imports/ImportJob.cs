using System.Globalization;
using System.Text.Json.Serialization;
using Npgsql;

namespace Workforce.Directory.Imports;

internal enum ImportKind { Workers, Units }

/// <summary>allOrNothing merges only a file without a single rejected row; skipInvalid merges the valid rows and reports the rest.</summary>
internal enum ImportMode { AllOrNothing, SkipInvalid }

/// <summary>reading (the upload) → queued → validating → merging → completed, or failed with the reason.</summary>
internal enum ImportPhase { Reading, Queued, Validating, Merging, Completed, Failed }

/// <summary>
/// What a completed import did: merged its valid rows into the register; or, as a dry run, only checked them (its
/// counts are what it would do); or, all or nothing with rejected rows, merged none.
/// </summary>
internal enum ImportOutcome { Merged, DryRun, NotMerged }

/// <summary>An import as its uploader follows it.</summary>
internal sealed record ImportJob
{
    public required Guid Id { get; init; }
    public required ImportKind Kind { get; init; }
    public required ImportMode Mode { get; init; }
    public required bool DryRun { get; init; }
    public string? FileName { get; init; }

    /// <summary>csv or xlsx.</summary>
    public string? FileFormat { get; init; }

    /// <summary>How a CSV file was decoded: utf-8, utf-8-bom or gb18030.</summary>
    public string? Encoding { get; init; }

    public required ImportPhase Phase { get; init; }
    public long? BytesTotal { get; init; }
    public required long BytesRead { get; init; }
    public required int RowsRead { get; init; }
    public required int RowsValid { get; init; }
    public required int RowsRejected { get; init; }

    /// <summary>Rows imported (or, not merged, that could be) with a warning: their 性别 or 出生日期 disagree with their resident ID number.</summary>
    public required int RowsWarned { get; init; }

    /// <summary>
    /// The headers of the file's columns that no imported field reads (at most 100), as the file names them: 性别 and
    /// 出生日期 among them, which are only checked against the resident ID number.
    /// </summary>
    public string[] IgnoredColumns { get; init; } = [];

    /// <summary>What the merge did, or for a dry run would do; nothing when an all-or-nothing import was refused for its rejected rows.</summary>
    public required int Created { get; init; }
    public required int Updated { get; init; }
    public required int Unchanged { get; init; }

    /// <summary>Why the job failed.</summary>
    public string? Error { get; init; }

    /// <summary>The language its starter speaks, which its reasons are said in (see <see cref="LanguageOfRequest"/>).</summary>
    [JsonIgnore] public string Language { get; init; } = "en";

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How far the job has come: reading the upload is the first 60%.</summary>
    public int Percent => Phase switch
    {
        ImportPhase.Reading => BytesTotal > 0 ? (int)Math.Min(59, BytesRead * 60 / BytesTotal.Value) : 0,
        ImportPhase.Queued => 60,
        ImportPhase.Validating => 70,
        ImportPhase.Merging => 85,
        _ => 100,
    };

    public bool Finished => Phase is ImportPhase.Completed or ImportPhase.Failed;

    /// <summary>What the completed import did; null until it completes, and for one that failed.</summary>
    public ImportOutcome? Outcome => Phase != ImportPhase.Completed ? null
        : DryRun ? ImportOutcome.DryRun
        : Mode == ImportMode.SkipInvalid || RowsRejected == 0 ? ImportOutcome.Merged
        : ImportOutcome.NotMerged;

    /// <summary>Where the rejected rows, and those with warnings, can be downloaded as CSV, with the reasons for each.</summary>
    public string? RejectedRowsUrl => RowsRejected > 0 || RowsWarned > 0 ? $"{Url(Id)}/rejected" : null;

    public const string Columns = """
        j.id, j.kind, j.mode, j.dry_run, j.file_name, j.file_format, j.encoding, j.phase, j.bytes_total, j.bytes_read,
        j.rows_read, j.rows_valid, j.rows_rejected, j.rows_warned, j.ignored_columns, j.created, j.updated, j.unchanged, j.error,
        j.language, j.created_at, j.started_at, j.finished_at
        """;

    public static string Url(Guid id) => $"/api/v1/directory/imports/{id}";

    private static readonly ProblemCode NotFoundCode = new(404, "import_not_found", new("The import was not found.", "未找到该导入。"));

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(new($"There is no import {id} in this enterprise.", $"本企业没有导入任务 {id}。"));

    public static Task<ImportJob?> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ImportJob>($"SELECT {Columns} FROM directory.import_jobs j WHERE j.tenant_id = @Tenant AND j.id = @Id",
            new { Tenant = tenant, Id = id }, ct);

    /// <summary>
    /// The kinds of import an actor may follow: those whose rows they may read or write, since the job and its
    /// rejected rows show them.
    /// </summary>
    public static string[] FollowedKinds(CurrentActor actor) =>
    [
        .. actor.Has(DirectoryPermissions.WorkersRead) || actor.Has(DirectoryPermissions.WorkersWrite) ? [ImportKind.Workers.ToDbText()] : Array.Empty<string>(),
        .. actor.Has(DirectoryPermissions.OrganisationsRead) || actor.Has(DirectoryPermissions.OrganisationsWrite) ? [ImportKind.Units.ToDbText()] : Array.Empty<string>(),
    ];

    /// <summary>What following imports needs: any one of these.</summary>
    public static readonly string[] FollowedWith =
    [
        DirectoryPermissions.WorkersRead, DirectoryPermissions.WorkersWrite, DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite,
    ];

    /// <summary>A job the actor may follow; any other is as good as not there.</summary>
    public static async Task<ImportJob> FollowAsync(DbSession db, CurrentActor actor, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<ImportJob>(
            $"SELECT {Columns} FROM directory.import_jobs j WHERE j.tenant_id = @Tenant AND j.id = @Id AND j.kind = ANY(@Kinds)",
            new { Tenant = actor.TenantId, Id = id, Kinds = FollowedKinds(actor) }, ct) ?? throw NotFound(id);

    /// <summary>
    /// Progress and outcome are written outside the import's own transaction, on a connection of their own, so that
    /// followers see them at once and a failed import still says why.
    /// </summary>
    public static async Task RecordAsync(NpgsqlDataSource dataSource, TimeProvider clock, Guid tenant, Guid id, string assignments, object? values = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var parameters = new Dapper.DynamicParameters(values);
        parameters.Add("Tenant", tenant);
        parameters.Add("Id", id);
        parameters.Add("Now", clock.GetUtcNow());
        await Dapper.SqlMapper.ExecuteAsync(connection, $"UPDATE directory.import_jobs SET {assignments} WHERE tenant_id = @Tenant AND id = @Id", parameters);
    }

    /// <summary>
    /// The advisory lock of whoever works on a job: the upload while it reads the file, then the runner that checks
    /// and merges it. An instance that dies loses its sessions, and their locks with them.
    /// </summary>
    public const string LockKey = "hashtextextended(@Key, 0)";

    public static object Lock(Guid id) => new { Key = $"import:{id}" };

    /// <summary>
    /// The language its starter speaks (zh-CN or en), recorded when the upload begins: the job's progress is followed
    /// later, and it is checked and merged in the background, so its reasons are said in this language, not the follower's.
    /// </summary>
    public static string LanguageOfRequest => Words.CultureOf(CultureInfo.CurrentUICulture.Name).Name;

    /// <summary>Why a job left in reading with nobody holding its lock failed.</summary>
    public static readonly Words UploadInterrupted = new(
        "The upload stopped before the whole file was read (the connection or the server went away); nothing of it was applied. Upload the file again.",
        "文件还没读完，上传就中断了（连接或服务器断开），本次导入没有生效。请重新上传文件。");

    private static readonly Words FailedOnOurSide = new(
        "The import failed on our side; nothing of it was applied. Upload the file again, or report the import's id.",
        "导入因系统内部原因失败，本次导入没有生效。请重新上传文件，或报告此导入任务的编号。");

    /// <summary>The reason a job failed, as its follower should read it, in the language it is said in now.</summary>
    public static string FailureReason(Exception error) => error switch
    {
        ProblemException problem => (problem.Detail ?? problem.Title).Said,
        OperationCanceledException or BadHttpRequestException or IOException => UploadInterrupted.Said,
        NpgsqlException { InnerException: TimeoutException } => new Words(
            "The import took longer than allowed and was stopped; nothing of it was applied. Split the file into smaller ones.",
            "导入超过了允许的时长，已被停止，本次导入没有生效。请把文件拆成几个较小的文件再导入。").Said,
        PostgresException { IsTransient: false } refused when !EndsTheSession(refused) => FailedOnOurSide.Said,
        NpgsqlException => new Words("The database connection was lost; nothing of this import was applied. Upload the file again.",
            "与数据库的连接中断了，本次导入没有生效。请重新上传文件。").Said,
        _ => FailedOnOurSide.Said,
    };

    /// <summary>Connection exceptions (08) and the server shutting down or starting up (57P).</summary>
    private static bool EndsTheSession(PostgresException error) => error.SqlState.StartsWith("08", StringComparison.Ordinal) || error.SqlState.StartsWith("57P", StringComparison.Ordinal);
}
