using System.Text;
using Npgsql;
using Workforce.BuildingBlocks.Files;

namespace Workforce.Directory.Imports;

/// <summary>
/// The rejected rows of an import as a CSV file to fix and upload again: the row number in the original file, the
/// cells (protected ones masked), and the reasons. UTF-8 with a BOM so that Excel shows the Chinese; cells that a
/// spreadsheet would run as a formula (=, +, -, @) are defused with a leading apostrophe.
/// </summary>
internal sealed record GetRejectedRows(Guid JobId) : IQuery<RejectedRows>;

/// <summary>The rejected rows as the download answers them: the file's headings, then each row read as it is sent.</summary>
internal sealed record RejectedRows(Guid JobId, IEnumerable<string> Headings, IAsyncEnumerable<(int RowNumber, string?[] Cells, string[] Errors)> Rows) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Stream(async body =>
    {
        // UTF8Encoding(true) writes the BOM first.
        await using var csv = new StreamWriter(body, new UTF8Encoding(true), 64 * 1024) { NewLine = "\r\n" };
        await csv.WriteLineAsync(Csv.Line(Headings.Prepend("行号").Append("原因")));
        await foreach (var (rowNumber, cells, errors) in Rows.WithCancellation(httpContext.RequestAborted))
        {
            await csv.WriteLineAsync(Csv.Line(cells.Prepend(rowNumber.ToString()).Append(string.Join("; ", errors))));
        }
    }, "text/csv; charset=utf-8", $"import-{JobId}-rejected.csv").ExecuteAsync(httpContext);
}

internal sealed class GetRejectedRowsHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetRejectedRows, RejectedRows>
{
    public async Task<RejectedRows> Handle(GetRejectedRows request, CancellationToken cancellationToken)
    {
        var job = await ImportJob.FollowAsync(db, actor, request.JobId, cancellationToken);
        // Kept in the unlogged staging table, which a crash of the database server empties.
        var kept = await db.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM directory.import_rows WHERE tenant_id = @Tenant AND job_id = @Job AND errors IS NOT NULL",
            new { Tenant = actor.TenantId, Job = request.JobId }, cancellationToken);
        if (kept < job.RowsRejected)
        {
            throw ImportProblems.RejectedRowsLost();
        }
        var rows = db.StreamAsync<(int, string?[], string[])>(
            """
            SELECT row_number,
                   coalesce(cells, ARRAY[name, employee_number, resident_id_masked, phone_masked, unit_id::text, post, skill_grade,
                                         union_member::text, union_joined_on::text, party_member::text, hired_on::text, external_id]),
                   errors
            FROM directory.import_rows WHERE tenant_id = @Tenant AND job_id = @Job AND errors IS NOT NULL
            ORDER BY row_number
            """,
            new { Tenant = actor.TenantId, Job = request.JobId }, cancellationToken);
        var fields = job.Kind == ImportKind.Workers ? WorkerImportRows.Fields : UnitImportRows.Fields;
        return new RejectedRows(request.JobId, fields.Select(f => f.Headers[0]), rows);
    }
}

internal static class GetRejectedRowsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/{id:guid}/rejected", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRejectedRows(id), ct))
        .RequirePermission(ImportJob.FollowedWith)
        .WithName("GetRejectedRows")
        .WithTags("Imports")
        .WithSummary("Download an import's rejected rows as CSV, with the reason for each")
        .Produces<byte[]>(StatusCodes.Status200OK, "text/csv")
        .ProducesProblems(401, 403, 404, 410);
}
