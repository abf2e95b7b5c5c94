using System.Globalization;
using System.Text;
using Npgsql;
using Workforce.BuildingBlocks.Files;

namespace Workforce.Directory.Imports;

/// <summary>
/// The rejected rows of an import as a CSV file to fix and upload again, with the rows it imported (or could) but
/// warns about: the row number in the original file, the cells as the file had them (protected ones masked), what
/// became of the row, and the reasons and warnings, said in the language of whoever started the import. UTF-8 with a BOM so that Excel shows the Chinese; cells that a
/// spreadsheet would run as a formula (=, +, -, @) are defused with a leading apostrophe.
/// </summary>
internal sealed record GetRejectedRows(Guid JobId) : IQuery<RejectedRows>;

/// <summary>A kept row as the download shows it.</summary>
internal sealed record KeptRow
{
    public int RowNumber { get; init; }
    public string?[] Cells { get; init; } = [];
    public string[]? Errors { get; init; }
    public string[]? Warnings { get; init; }
}

/// <summary>The rejected rows as the download answers them: the file's headings, then each row read as it is sent.</summary>
internal sealed record RejectedRows(Guid JobId, IReadOnlyList<string> Headings, bool Merged, CultureInfo Language, IAsyncEnumerable<KeptRow> Rows) : IResult
{
    private static readonly Words NotImported = new("not imported", "未导入");
    private static readonly Words Imported = new("imported", "已导入");
    private static readonly Words CouldBeImported = new("can be imported", "可以导入");

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Stream(async body =>
    {
        // UTF8Encoding(true) writes the BOM first.
        await using var csv = new StreamWriter(body, new UTF8Encoding(true), 64 * 1024) { NewLine = "\r\n" };
        await csv.WriteLineAsync(Csv.Line(Headings.Prepend("行号").Concat(["结果", "原因", "提醒"])));
        await foreach (var row in Rows.WithCancellation(httpContext.RequestAborted))
        {
            // Rows staged before a field was added to the end of the headings have fewer cells.
            var cells = row.Cells.Concat(Enumerable.Repeat<string?>(null, Math.Max(0, Headings.Count - row.Cells.Length)));
            var became = row.Errors is not null ? NotImported : Merged ? Imported : CouldBeImported;
            await csv.WriteLineAsync(Csv.Line(cells.Prepend(row.RowNumber.ToString())
                .Concat([Language == Words.ChineseCulture ? became.Chinese : became.English, string.Join("; ", row.Errors ?? []), string.Join("; ", row.Warnings ?? [])])));
        }
    }, "text/csv; charset=utf-8", $"import-{JobId}-rejected.csv").ExecuteAsync(httpContext);
}

internal sealed class GetRejectedRowsHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetRejectedRows, RejectedRows>
{
    public async Task<RejectedRows> Handle(GetRejectedRows request, CancellationToken cancellationToken)
    {
        var job = await ImportJob.FollowAsync(db, actor, request.JobId, cancellationToken);
        // Kept in the unlogged staging table, which a crash of the database server empties.
        var (rejected, warned) = await db.QuerySingleAsync<(int, int)>(
            """
            SELECT count(*) FILTER (WHERE errors IS NOT NULL)::int, count(*) FILTER (WHERE warnings IS NOT NULL)::int
            FROM directory.import_rows WHERE tenant_id = @Tenant AND job_id = @Job
            """,
            new { Tenant = actor.TenantId, Job = request.JobId }, cancellationToken);
        if (rejected < job.RowsRejected || warned < job.RowsWarned)
        {
            throw ImportProblems.RejectedRowsLost();
        }
        // A worker row staged before 0036 kept its cells only when it was rejected as it was read: the others show their values.
        var rows = db.StreamAsync<KeptRow>(
            """
            SELECT row_number,
                   coalesce(cells, ARRAY[name, employee_number, resident_id_masked, phone_masked, unit_id::text, post, skill_grade,
                                         union_member::text, union_joined_on::text, party_member::text, hired_on::text, external_id]) AS cells,
                   errors, warnings
            FROM directory.import_rows WHERE tenant_id = @Tenant AND job_id = @Job AND (errors IS NOT NULL OR warnings IS NOT NULL)
            ORDER BY row_number
            """,
            new { Tenant = actor.TenantId, Job = request.JobId }, cancellationToken);
        var fields = job.Kind == ImportKind.Workers ? WorkerImportRows.Fields : UnitImportRows.Fields;
        return new RejectedRows(request.JobId, [.. fields.Select(f => f.Headers[0])], job.Outcome == ImportOutcome.Merged,
            Words.CultureOf(job.Language), rows);
    }
}

internal static class GetRejectedRowsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/{id:guid}/rejected", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRejectedRows(id), ct))
        .RequirePermission(ImportJob.FollowedWith)
        .WithName("GetRejectedRows")
        .WithTags("Imports")
        .WithSummary("Download an import's rejected rows, and the rows it warns about, as CSV, with the reasons for each")
        .Produces<byte[]>(StatusCodes.Status200OK, "text/csv")
        .ProducesProblems(401, 403, 404, 410);
}
