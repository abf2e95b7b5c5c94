using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
using Workforce.BuildingBlocks.Protection;
using Workforce.Directory.Organisations;
using Workforce.Directory.Workers;

namespace Workforce.Directory.Imports;

/// <summary>Sizes an import may not exceed (the <c>Imports</c> configuration section).</summary>
internal sealed class ImportLimits
{
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;
    public int MaxRows { get; set; } = 2_000_000;
    public int MaxUnitRows { get; set; } = 10_000;

    /// <summary>
    /// The most different texts (shared strings) an XLSX workbook may hold, and their characters together: the reader
    /// holds them all while it reads the sheet (about 100 MB at these limits).
    /// </summary>
    public int MaxXlsxSharedStrings { get; set; } = 1_000_000;

    public long MaxXlsxSharedStringChars { get; set; } = 32L * 1024 * 1024;
}

/// <summary>
/// Upload a CSV or XLSX file of workers or units. The upload is read as it arrives, checked row by row and staged
/// with a binary COPY; the answer (202) comes when the whole file is staged, and the job goes on to check the rows
/// against each other and the register, then merges them in one transaction.
/// </summary>
internal sealed record StartImport : ICommand<ImportJob>
{
    public ImportKind Kind { get; init; }
    public ImportMode Mode { get; init; }
    public bool DryRun { get; init; }
    public string? FileName { get; init; }
    [JsonIgnore] public Stream Body { get; init; } = Stream.Null;
    [JsonIgnore] public long? Length { get; init; }
}

internal sealed class StartImportValidator : AbstractValidator<StartImport>
{
    public StartImportValidator()
    {
        RuleFor(c => c.FileName).MaximumLength(200);
    }
}

internal sealed class StartImportHandler(DbSession db, NpgsqlDataSource dataSource, CurrentActor actor, SensitiveData sensitive,
    TimeProvider clock, EnterpriseCalendar calendar, IOptions<ImportLimits> options) : IRequestHandler<StartImport, ImportJob>
{
    private const int ProgressEvery = 10_000;

    public async Task<ImportJob> Handle(StartImport request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (request.Length > limits.MaxBytes)
        {
            throw ImportProblems.LargerThan(limits.MaxBytes);
        }
        await ActingEnterprise.RequireAsync(db, actor.TenantId, cancellationToken);
        var id = Guid.CreateVersion7();
        // Held until the staged rows commit or roll back, or this instance dies: a job in reading whose lock is free
        // has nobody reading it any more (see ImportRunner). Taken before the job exists, so no one sees it unheld.
        await db.ExecuteAsync($"SELECT pg_advisory_xact_lock({ImportJob.LockKey})", ImportJob.Lock(id), cancellationToken);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection,
                """
                INSERT INTO directory.import_jobs (tenant_id, id, kind, mode, dry_run, file_name, phase, bytes_total, created_by, created_by_kind,
                    created_by_name, language)
                VALUES (@Tenant, @Id, @Kind, @Mode, @DryRun, @FileName, 'reading', @Length, @ActorId, @ActorKind, @ActorName, @Language)
                """,
                new
                {
                    Tenant = actor.TenantId, Id = id, Kind = request.Kind.ToDbText(), Mode = request.Mode.ToDbText(), request.DryRun,
                    request.FileName, request.Length, ActorId = actor.Id, ActorKind = actor.Kind.ToDbText(), ActorName = actor.Name,
                    Language = ImportJob.LanguageOfRequest,
                });
        }

        try
        {
            await using var file = await ImportFile.OpenAsync(request.Body, limits, cancellationToken);
            var (rows, ignored) = await StageAsync(request.Kind, file, id, limits, cancellationToken);
            await db.ExecuteAsync(
                """
                UPDATE directory.import_jobs
                SET phase = 'queued', file_format = @Format, encoding = @Encoding, bytes_read = @BytesRead, rows_read = @Rows,
                    ignored_columns = @Ignored
                WHERE tenant_id = @Tenant AND id = @Id
                """,
                new { Tenant = actor.TenantId, Id = id, Format = file.Format.ToDbText(), file.Encoding, file.BytesRead, Rows = rows, Ignored = ignored },
                cancellationToken);
        }
        catch (Exception error)
        {
            await ImportJob.RecordAsync(dataSource, clock, actor.TenantId, id, "phase = 'failed', error = @Error, finished_at = @Now",
                new { Error = ImportJob.FailureReason(error) });
            throw;
        }
        return (await ImportJob.FindAsync(db, actor.TenantId, id, cancellationToken))!;
    }

    /// <summary>Reads every data row into staging; returns how many there were, and the headers of the columns no imported field reads.</summary>
    private async Task<(int Rows, string[] Ignored)> StageAsync(ImportKind kind, ImportFile file, Guid id, ImportLimits limits, CancellationToken ct)
    {
        var maxRows = kind == ImportKind.Workers ? limits.MaxRows : limits.MaxUnitRows;
        await using var rows = file.RowsAsync(ct).GetAsyncEnumerator(ct);
        if (!await rows.MoveNextAsync())
        {
            throw ImportProblems.Empty();
        }
        var (read, ignored) = await ReaderAsync(kind, rows.Current, ct);
        await using var staging = await ImportStaging.BeginAsync(await db.ConnectionAsync(ct), actor.TenantId, id, ct);
        var count = 0;
        while (await rows.MoveNextAsync())
        {
            if (ImportColumns.IsBlank(rows.Current.Cells))
            {
                continue;
            }
            if (++count > maxRows)
            {
                throw ImportProblems.TooLarge(new($"The file has more than {maxRows:N0} rows; split it.", $"文件超过了 {maxRows:N0} 行，请拆分成几个文件。"));
            }
            await read(rows.Current, staging);
            if (count % ProgressEvery == 0)
            {
                await ImportJob.RecordAsync(dataSource, clock, actor.TenantId, id, "rows_read = @Rows, bytes_read = @Bytes", new { Rows = count, Bytes = file.BytesRead });
            }
        }
        if (count == 0)
        {
            throw ImportProblems.Empty();
        }
        await staging.CompleteAsync(ct);
        return (count, ignored);
    }

    /// <summary>From the header row: how each data row is read and staged. Runs before the COPY starts, which takes the connection.</summary>
    private async Task<(Func<FileRow, ImportStaging, Task> Read, string[] Ignored)> ReaderAsync(ImportKind kind, FileRow header, CancellationToken ct)
    {
        if (kind == ImportKind.Units)
        {
            var columns = ImportColumns.Map(header.Cells, UnitImportRows.Fields, UnitImportRows.Required);
            return ((row, staging) => staging.WriteAsync(row.Number, UnitImportRows.Cells(columns, row), UnitImportRows.Problems(columns, row), ct), columns.Ignored);
        }
        var workerColumns = ImportColumns.Map(header.Cells, WorkerImportRows.Fields, WorkerImportRows.Required, WorkerImportRows.NotImported);
        var reader = new WorkerImportRows(workerColumns, await UnitLookup.LoadAsync(db, actor.TenantId, ct), new WorkerFieldsValidator((await calendar.OwnAsync(ct)).Today), sensitive, actor.TenantId);
        return ((row, staging) => staging.WriteAsync(reader.Read(row), ct), workerColumns.Ignored);
    }
}

internal static class StartImportEndpoint
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(IEndpointRouteBuilder api)
    {
        MapKind(api, ImportKind.Workers, DirectoryPermissions.WorkersWrite, "ImportWorkers", "workers");
        MapKind(api, ImportKind.Units, DirectoryPermissions.OrganisationsWrite, "ImportUnits", "units and teams");
    }

    private static void MapKind(IEndpointRouteBuilder api, ImportKind kind, string permission, string name, string what) => api
        .MapPost($"/imports/{kind.ToDbText()}", async (ImportMode? mode, bool? dryRun, string? fileName, HttpRequest request,
            IMediator mediator, IOptions<ImportLimits> limits, CancellationToken ct) =>
        {
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limits.Value.MaxBytes;
            }
            var job = await mediator.Send(new StartImport
            {
                Kind = kind,
                Mode = mode ?? ImportMode.AllOrNothing,
                DryRun = dryRun ?? false,
                FileName = fileName ?? NamedInHeader(request),
                Body = request.Body,
                Length = request.ContentLength,
            }, ct);
            return TypedResults.Accepted(ImportJob.Url(job.Id), job);
        })
        .Accepts<byte[]>("text/csv", XlsxContentType)
        .RequirePermission(permission)
        .WithName(name)
        .WithTags("Imports")
        .WithSummary($"Upload a CSV or XLSX file of {what} to import; answers 202 with the job to follow")
        .Produces<ImportJob>(StatusCodes.Status202Accepted)
        .ProducesProblems(401, 403, 413, 422, 503);

    /// <summary>
    /// The file's name when the query gives none, from <c>Content-Disposition: attachment; filename*=UTF-8''…</c> (or
    /// <c>filename="…"</c>): the way HTTP names a request's body. A path's folders are left out.
    /// </summary>
    private static string? NamedInHeader(HttpRequest request)
    {
        if (!ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
        {
            return null;
        }
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        return Path.GetFileName(name?.Replace('\\', '/')) is { Length: > 0 } file ? file : null;
    }
}
