using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workforce.BuildingBlocks.Events;
using Workforce.Directory.Workers;

namespace Workforce.Directory.Imports;

/// <summary>
/// The second half of an import: check the staged rows against each other and the register, then, unless it is a
/// dry run or an all-or-nothing file with rejected rows, merge the valid ones in this one transaction.
/// </summary>
internal sealed record RunImport(Guid JobId) : ICommand<ImportCounts>;

internal sealed record ImportCounts(int Valid, int Rejected, int Created, int Updated, int Unchanged)
{
    public int Warned { get; init; }
}

internal sealed class RunImportHandler(DbSession db, NpgsqlDataSource dataSource, CurrentActor actor, TimeProvider clock) : IRequestHandler<RunImport, ImportCounts>
{
    private sealed record Job(ImportKind Kind, ImportMode Mode, bool DryRun, int RowsRead, int RowsStaged);

    public async Task<ImportCounts> Handle(RunImport request, CancellationToken cancellationToken)
    {
        var job = await db.QuerySingleAsync<Job>(
            """
            SELECT j.kind, j.mode, j.dry_run, j.rows_read,
                   (SELECT count(*)::int FROM directory.import_rows r WHERE r.tenant_id = j.tenant_id AND r.job_id = j.id) AS rows_staged
            FROM directory.import_jobs j WHERE j.tenant_id = @Tenant AND j.id = @Id
            """,
            new { Tenant = actor.TenantId, Id = request.JobId }, cancellationToken);
        // Staging is an unlogged table: a crash of the database server empties it. Merging what is left would report
        // an import that did nothing as completed.
        if (job.RowsStaged != job.RowsRead)
        {
            throw ImportProblems.StagingLost(job.RowsRead, job.RowsStaged);
        }
        var rows = new { Tenant = actor.TenantId, Job = request.JobId };
        UnitImportPlan? units = null;
        if (job.Kind == ImportKind.Workers)
        {
            await db.ExecuteAsync(CheckWorkers, new
            {
                rows.Tenant, rows.Job,
                SameNumber = WorkerImportRows.Reason("employeeNumber",
                    new Words("Row {row} of the file has this employee number too.", "与文件第 {row} 行的工号相同。").Said),
                SamePerson = WorkerImportRows.Reason("residentId", new Words("Row {row} of the file is the same person.", "与文件第 {row} 行是同一个人。").Said),
                SameKey = WorkerImportRows.Reason("externalId",
                    new Words("Row {row} of the file has this HR-system id too.", "与文件第 {row} 行的 HR 系统编号相同。").Said),
                LeftOrRetired = WorkerImportRows.Reason("employeeNumber", Worker.LeftOrRetired.Said),
                RegisteredAsAnother = WorkerImportRows.Reason("residentId", Worker.RegisteredAsAnother.Said),
                ExternalIdTaken = WorkerImportRows.Reason("externalId", Worker.ExternalIdTaken.Said),
            }, cancellationToken);
        }
        else
        {
            units = await UnitImportPlan.MakeAsync(db, actor.TenantId, request.JobId, cancellationToken);
        }
        var (valid, rejected, warned) = await db.QuerySingleAsync<(int, int, int)>(
            """
            SELECT count(*) FILTER (WHERE errors IS NULL)::int, count(*) FILTER (WHERE errors IS NOT NULL)::int, count(*) FILTER (WHERE warnings IS NOT NULL)::int
            FROM directory.import_rows WHERE tenant_id = @Tenant AND job_id = @Job
            """,
            rows, cancellationToken);
        var merge = !job.DryRun && (job.Mode == ImportMode.SkipInvalid || rejected == 0);
        if (merge)
        {
            await ImportJob.RecordAsync(dataSource, clock, actor.TenantId, request.JobId, "phase = 'merging'");
        }
        ImportCounts counts;
        if (units is not null)
        {
            if (merge)
            {
                await units.ApplyAsync(db, actor.TenantId, cancellationToken);
            }
            counts = merge || job.DryRun
                ? new ImportCounts(valid, rejected, units.Creates, units.Recodes, valid - units.Creates - units.Recodes)
                : new ImportCounts(valid, rejected, 0, 0, 0);
        }
        else
        {
            counts = merge ? await MergeWorkersAsync(rows, valid, rejected, cancellationToken)
                : job.DryRun ? await ForeseeWorkersAsync(rows, valid, rejected, cancellationToken)
                : new ImportCounts(valid, rejected, 0, 0, 0);
        }
        // Only the rejected rows and those with warnings are kept, for the rejected-rows file, and of them only what that file shows.
        await db.ExecuteAsync(
            """
            DELETE FROM directory.import_rows WHERE tenant_id = @Tenant AND job_id = @Job AND errors IS NULL AND warnings IS NULL;
            UPDATE directory.import_rows SET resident_id_cipher = NULL, resident_id_hash = NULL, phone_cipher = NULL, phone_hash = NULL
            WHERE tenant_id = @Tenant AND job_id = @Job;
            """,
            rows, cancellationToken);
        return counts with { Warned = warned };
    }

    /// <summary>
    /// What no single row could tell: a number, person or HR id twice in the file, or taken by another worker. The
    /// reasons come as parameters, said in the import's language; {row} in them is the number of the other row.
    /// </summary>
    private const string CheckWorkers = """
        WITH firsts AS MATERIALIZED (
            SELECT row_number, external_id,
                   min(row_number) OVER (PARTITION BY employee_number) AS same_number,
                   min(row_number) OVER (PARTITION BY resident_id_hash) AS same_person,
                   min(row_number) OVER (PARTITION BY external_id) AS same_key
            FROM directory.import_rows WHERE tenant_id = @Tenant AND job_id = @Job AND errors IS NULL
        ), repeats AS MATERIALIZED (
            SELECT * FROM firsts f
            WHERE f.same_number < f.row_number OR f.same_person < f.row_number OR (f.external_id IS NOT NULL AND f.same_key < f.row_number)
        )
        UPDATE directory.import_rows r
        SET errors = array_remove(ARRAY[
                CASE WHEN f.same_number < r.row_number THEN replace(@SameNumber, '{row}', f.same_number::text) END,
                CASE WHEN f.same_person < r.row_number THEN replace(@SamePerson, '{row}', f.same_person::text) END,
                CASE WHEN r.external_id IS NOT NULL AND f.same_key < r.row_number THEN replace(@SameKey, '{row}', f.same_key::text) END
            ], NULL)
        FROM repeats f
        WHERE r.tenant_id = @Tenant AND r.job_id = @Job AND r.row_number = f.row_number;

        UPDATE directory.import_rows r SET worker_id = w.id
        FROM directory.workers w
        WHERE r.tenant_id = @Tenant AND r.job_id = @Job AND r.errors IS NULL AND w.tenant_id = r.tenant_id AND w.employee_number = r.employee_number;

        WITH conflicts AS (
            SELECT r.row_number, array_remove(ARRAY[
                       CASE WHEN matched.status IN ('left', 'retired') THEN @LeftOrRetired END,
                       CASE WHEN person.id <> matched.id OR (person.id IS NOT NULL AND matched.id IS NULL) THEN @RegisteredAsAnother END,
                       CASE WHEN keyed.id <> matched.id OR (keyed.id IS NOT NULL AND matched.id IS NULL) THEN @ExternalIdTaken END
                   ], NULL) AS errors
            FROM directory.import_rows r
            LEFT JOIN directory.workers matched ON matched.tenant_id = r.tenant_id AND matched.id = r.worker_id
            LEFT JOIN directory.workers person ON person.tenant_id = r.tenant_id AND person.resident_id_hash = r.resident_id_hash
            LEFT JOIN directory.workers keyed ON keyed.tenant_id = r.tenant_id AND keyed.external_id = r.external_id
            WHERE r.tenant_id = @Tenant AND r.job_id = @Job AND r.errors IS NULL
              AND (matched.status IN ('left', 'retired') OR person.id IS DISTINCT FROM matched.id AND person.id IS NOT NULL
                   OR keyed.id IS DISTINCT FROM matched.id AND keyed.id IS NOT NULL)
        )
        UPDATE directory.import_rows r SET errors = c.errors
        FROM conflicts c
        WHERE r.tenant_id = @Tenant AND r.job_id = @Job AND r.row_number = c.row_number;
        """;

    /// <summary>The columns a staged row <c>r</c> gives a worker row, and whether an existing worker <c>w</c> differs from it.</summary>
    private const string Differs = """
        (w.unit_id, w.name, w.resident_id_hash, w.phone_hash, w.post, w.skill_grade, w.union_member, w.union_joined_on,
         w.party_member, w.hired_on, coalesce(r.external_id, w.external_id))
        IS DISTINCT FROM
        (r.unit_id, r.name, r.resident_id_hash, r.phone_hash, r.post, r.skill_grade, r.union_member, r.union_joined_on,
         r.party_member, r.hired_on, w.external_id)
        """;

    private async Task<ImportCounts> ForeseeWorkersAsync(object rows, int valid, int rejected, CancellationToken ct)
    {
        var (created, updated) = await db.QuerySingleAsync<(int, int)>(
            $"""
            SELECT count(*) FILTER (WHERE r.worker_id IS NULL)::int, count(*) FILTER (WHERE r.worker_id IS NOT NULL AND {Differs})::int
            FROM directory.import_rows r LEFT JOIN directory.workers w ON w.tenant_id = r.tenant_id AND w.id = r.worker_id
            WHERE r.tenant_id = @Tenant AND r.job_id = @Job AND r.errors IS NULL
            """,
            rows, ct);
        return new ImportCounts(valid, rejected, created, updated, valid - created - updated);
    }

    private async Task<ImportCounts> MergeWorkersAsync(object rows, int valid, int rejected, CancellationToken ct)
    {
        var created = await Outbox.AppendAsync(db, actor.TenantId, WorkerEvents.Registered,
            $"""
            INSERT INTO directory.workers AS w (tenant_id, id, unit_id, name, employee_number, resident_id_cipher, resident_id_hash,
                resident_id_masked, phone_cipher, phone_hash, phone_masked, gender, birth_date, post, skill_grade, union_member,
                union_joined_on, party_member, hired_on, external_id)
            SELECT r.tenant_id, r.new_id, r.unit_id, r.name, r.employee_number, r.resident_id_cipher, r.resident_id_hash,
                   r.resident_id_masked, r.phone_cipher, r.phone_hash, r.phone_masked, r.gender, r.birth_date, r.post, r.skill_grade,
                   coalesce(r.union_member, false), r.union_joined_on, coalesce(r.party_member, false), r.hired_on, r.external_id
            FROM directory.import_rows r
            WHERE r.tenant_id = @Tenant AND r.job_id = @Job AND r.errors IS NULL AND r.worker_id IS NULL
            ORDER BY r.row_number
            RETURNING w.id AS entity_id, {WorkerEvents.DataSql} AS data
            """,
            rows, ct);
        var updated = await Outbox.AppendAsync(db, actor.TenantId, WorkerEvents.Updated,
            $"""
            UPDATE directory.workers w SET
                unit_id = r.unit_id, name = r.name,
                resident_id_cipher = CASE WHEN w.resident_id_hash = r.resident_id_hash THEN w.resident_id_cipher ELSE r.resident_id_cipher END,
                resident_id_hash = r.resident_id_hash, resident_id_masked = r.resident_id_masked,
                phone_cipher = CASE WHEN w.phone_hash IS NOT DISTINCT FROM r.phone_hash THEN w.phone_cipher ELSE r.phone_cipher END,
                phone_hash = r.phone_hash, phone_masked = r.phone_masked, gender = r.gender, birth_date = r.birth_date,
                post = r.post, skill_grade = r.skill_grade, union_member = coalesce(r.union_member, false),
                union_joined_on = r.union_joined_on, party_member = coalesce(r.party_member, false), hired_on = r.hired_on,
                external_id = coalesce(r.external_id, w.external_id), version = w.version + 1, updated_at = @Now
            FROM directory.import_rows r
            WHERE r.tenant_id = @Tenant AND r.job_id = @Job AND r.errors IS NULL AND w.tenant_id = r.tenant_id AND w.id = r.worker_id
              AND {Differs}
            RETURNING w.id AS entity_id, {WorkerEvents.DataSql} AS data
            """,
            rows, ct);
        return new ImportCounts(valid, rejected, created, updated, valid - created - updated);
    }
}

/// <summary>
/// Picks up staged imports and runs them, one at a time per job across every API instance: a job belongs to whoever
/// holds its advisory lock, which a crashed instance lets go of, so another picks the job up again. An upload still
/// in reading whose lock nobody holds was cut off (its instance died, or its transaction ended without a word): it
/// is failed, so that no job waits for ever.
/// </summary>
internal sealed class ImportRunner(IServiceProvider services, IConfiguration configuration, ILogger<ImportRunner> logger, TimeProvider clock) : BackgroundService
{
    private sealed record Waiting(Guid TenantId, Guid Id, string Kind, Guid? CreatedBy, string CreatedByKind, string CreatedByName, string Language);

    /// <summary>How many rows an import must change before the planner's statistics are taken again at once, not when autovacuum gets to it.</summary>
    private const int ChangesWorthAnalyzing = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMilliseconds(configuration.GetValue("Imports:PollMilliseconds", 500));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Looking for imports to run failed");
            }
            await Task.Delay(pause, stoppingToken);
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var control = await dataSource.OpenConnectionAsync(ct);
        await FailAbandonedUploadsAsync(control, clock.GetUtcNow(), ct);
        var waiting = await Dapper.SqlMapper.QueryAsync<Waiting>(control, new Dapper.CommandDefinition(
            """
            SELECT tenant_id, id, kind, created_by, created_by_kind, created_by_name, language FROM directory.import_jobs
            WHERE phase IN ('queued', 'validating', 'merging') ORDER BY created_at LIMIT 20
            """, cancellationToken: ct));
        foreach (var job in waiting)
        {
            if (!await TryLockAsync(control, job.Id))
            {
                continue;
            }
            try
            {
                // Another instance may have finished it between the look and the lock.
                if (await Dapper.SqlMapper.ExecuteScalarAsync<bool>(control,
                        "SELECT phase IN ('queued', 'validating', 'merging') FROM directory.import_jobs WHERE tenant_id = @TenantId AND id = @Id", job))
                {
                    await RunAsync(dataSource, job, ct);
                }
                return true;
            }
            finally
            {
                await UnlockAsync(control, job.Id);
            }
        }
        return false;
    }

    /// <summary>Fails the uploads in reading that nobody reads any more; returns how many.</summary>
    internal static async Task<int> FailAbandonedUploadsAsync(NpgsqlConnection control, DateTimeOffset now, CancellationToken ct)
    {
        var reading = await Dapper.SqlMapper.QueryAsync<(Guid TenantId, Guid Id, string Language)>(control, new Dapper.CommandDefinition(
            "SELECT tenant_id, id, language FROM directory.import_jobs WHERE phase = 'reading' ORDER BY created_at LIMIT 100", cancellationToken: ct));
        var failed = 0;
        foreach (var (tenant, id, language) in reading)
        {
            if (!await TryLockAsync(control, id))
            {
                continue;
            }
            CultureInfo.CurrentUICulture = Words.CultureOf(language);
            try
            {
                failed += await Dapper.SqlMapper.ExecuteAsync(control,
                    """
                    UPDATE directory.import_jobs SET phase = 'failed', error = @Error, finished_at = @Now
                    WHERE tenant_id = @Tenant AND id = @Id AND phase = 'reading'
                    """,
                    new { Tenant = tenant, Id = id, Error = ImportJob.UploadInterrupted.Said, Now = now });
            }
            finally
            {
                await UnlockAsync(control, id);
            }
        }
        return failed;
    }

    private static Task<bool> TryLockAsync(NpgsqlConnection control, Guid job) =>
        Dapper.SqlMapper.ExecuteScalarAsync<bool>(control, $"SELECT pg_try_advisory_lock({ImportJob.LockKey})", ImportJob.Lock(job));

    private static Task UnlockAsync(NpgsqlConnection control, Guid job) =>
        Dapper.SqlMapper.ExecuteAsync(control, $"SELECT pg_advisory_unlock({ImportJob.LockKey})", ImportJob.Lock(job));

    private TimeSpan CommandTimeout => TimeSpan.FromSeconds(configuration.GetValue("Imports:CommandTimeoutSeconds", 1800));

    /// <summary>
    /// Statistics for the planner, at once: freshly copied staging rows have none, so that a job of 20,000 rows is taken
    /// for one row and checked in nested loops; and a register that just grew by a million workers would be listed by
    /// sorting them all until autovacuum came by. Outside the job's transaction, so that imports side by side do not
    /// wait on each other's lock.
    /// </summary>
    private static async Task AnalyzeAsync(NpgsqlDataSource dataSource, string table, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Dapper.SqlMapper.ExecuteAsync(connection, new Dapper.CommandDefinition($"ANALYZE {table}", cancellationToken: ct));
    }

    /// <summary>The merge is committed by now: if taking statistics fails, autovacuum will, and the job still completed.</summary>
    private async Task AnalyzeMergedAsync(NpgsqlDataSource dataSource, Waiting job, CancellationToken ct)
    {
        try
        {
            await AnalyzeAsync(dataSource, job.Kind == ImportKind.Workers.ToDbText() ? "directory.workers" : "directory.organisations", ct);
        }
        catch (NpgsqlException error)
        {
            logger.LogWarning(error, "Taking statistics after import {Job} failed", job.Id);
        }
    }

    private async Task RunAsync(NpgsqlDataSource dataSource, Waiting job, CancellationToken ct)
    {
        // Its reasons are said in the language of whoever started it; set here, this does not outlive the job's run.
        CultureInfo.CurrentUICulture = Words.CultureOf(job.Language);
        await ImportJob.RecordAsync(dataSource, clock, job.TenantId, job.Id, "phase = 'validating', started_at = coalesce(started_at, @Now)");
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        actor.SignIn(Enum.Parse<ActorKind>(job.CreatedByKind, ignoreCase: true), job.CreatedBy, job.CreatedByName, job.TenantId);
        actor.ActAt(job.TenantId, job.TenantId, scope.ServiceProvider.GetRequiredService<PermissionCatalog>().All);
        // A large file takes minutes to check and merge, well past the 30 s an API request's command may take.
        scope.ServiceProvider.GetRequiredService<DbSession>().CommandTimeout = CommandTimeout;
        try
        {
            await AnalyzeAsync(dataSource, "directory.import_rows", ct);
            var counts = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunImport(job.Id), ct);
            if (counts.Created + counts.Updated >= ChangesWorthAnalyzing)
            {
                await AnalyzeMergedAsync(dataSource, job, ct);
            }
            await ImportJob.RecordAsync(dataSource, clock, job.TenantId, job.Id,
                """
                phase = 'completed', rows_valid = @Valid, rows_rejected = @Rejected, rows_warned = @Warned, created = @Created,
                updated = @Updated, unchanged = @Unchanged, finished_at = @Now
                """,
                counts);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            if (error is ProblemException refusal)
            {
                logger.LogInformation("Import {Job} refused with {Code}", job.Id, refusal.Code);
            }
            else
            {
                logger.LogWarning(error, "Import {Job} failed", job.Id);
            }
            await ImportJob.RecordAsync(dataSource, clock, job.TenantId, job.Id, "phase = 'failed', error = @Error, finished_at = @Now",
                new { Error = ImportJob.FailureReason(error) });
        }
    }
}
