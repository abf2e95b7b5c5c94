using Workforce.BuildingBlocks.Files;
using Workforce.Congress.Attendance;
using Workforce.Congress.Polls;
using Workforce.Congress.Sessions;
using Workforce.Directory.Contracts;

namespace Workforce.Congress.Exports;

internal enum SessionResultsFormat { Csv, Xlsx, Html }

internal sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// What a closed session leaves for the archive, as the tellers' report: who attended (public record), and the totals of
/// every vote as stored when it was closed. It never reads the ballot box, so it cannot put a voter next to a choice.
/// </summary>
internal sealed record SessionResults(string Enterprise, Session Session, IReadOnlyList<AttendanceEntry> Attendance, IReadOnlyList<Poll> Polls)
{
    public Quorum Quorum { get; } = new(Session.RosterSize ?? Attendance.Count, Attendance.Count(a => a.Channel is not null));

    public string Title => $"{Session.Name}表决结果";

    /// <summary>The roster by delegation group, groups in the order their first representative stands on the roster.</summary>
    public IEnumerable<IGrouping<string, AttendanceEntry>> Groups => Attendance.GroupBy(a => a.DelegationGroup);

    public IEnumerable<Poll> Of(PollKind kind) => Polls.Where(p => p.Kind == kind);
}

/// <summary>A closed or archived session's attendance and results as CSV, an XLSX workbook, or a printable page to sign.</summary>
internal sealed record ExportSessionResults(Guid SessionId, SessionResultsFormat Format) : IQuery<ExportedFile>;

internal sealed class ExportSessionResultsHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<ExportSessionResults, ExportedFile>
{
    public static readonly ProblemCode NotClosed = new(409, "session_not_closed", new("The session is not closed yet.", "会议尚未闭会。"));

    public async Task<ExportedFile> Handle(ExportSessionResults request, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, request.SessionId, cancellationToken);
        if (session.Status is not (SessionStatus.Closed or SessionStatus.Archived))
        {
            throw NotClosed.With(new($"The session is {session.Status.ToDbText()}; its results are exported once it is closed.",
                $"会议{Session.Said(session.Status)}，闭会后才能导出表决结果。"));
        }
        var attendance = await db.QueryAsync<AttendanceEntry>(
            """
            SELECT r.representative_id, r.name, r.employee_number, r.delegation_group, c.channel, c.checked_in_at
            FROM congress.roster r
            LEFT JOIN congress.check_ins c ON c.tenant_id = r.tenant_id AND c.session_id = r.session_id AND c.representative_id = r.representative_id
            WHERE r.tenant_id = @Tenant AND r.session_id = @Session
            ORDER BY min(r.position) OVER (PARTITION BY r.delegation_group), r.position
            """,
            new { Tenant = actor.TenantId, Session = session.Id }, cancellationToken);
        var polls = (await Poll.OfSessionAsync(db, actor.TenantId, session.Id, cancellationToken))
            .Where(p => p is { Status: PollStatus.Closed, Results: not null })
            .ToList();
        var enterprise = await mediator.Send(new FindOrganisation(actor.TenantId), cancellationToken);
        var results = new SessionResults(enterprise?.Name ?? "", session, attendance, polls);

        return request.Format switch
        {
            SessionResultsFormat.Csv => new ExportedFile($"{results.Title}.csv", Csv.ContentType, Csv.Write(ResultsTables.Lines(results))),
            SessionResultsFormat.Xlsx => new ExportedFile($"{results.Title}.xlsx", XlsxWriter.ContentType, XlsxWriter.Write(ResultsTables.Sheets(results))),
            _ => new ExportedFile($"{results.Title}.html", "text/html; charset=utf-8", ResultsPage.Render(results)),
        };
    }
}

internal static class ExportSessionResultsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sessions/{id:guid}/results", async (Guid id, SessionResultsFormat format, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var file = await mediator.Send(new ExportSessionResults(id, format), ct);
            // Names of who attended are personal data: nothing keeps a copy on the way.
            response.Headers.CacheControl = "no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            if (format == SessionResultsFormat.Html)
            {
                // The page is opened and printed in the browser, on the API's own origin: it may show itself and its styles, nothing else.
                response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
                return Results.Bytes(file.Content, file.ContentType);
            }
            return Results.File(file.Content, file.ContentType, file.FileName);
        })
        .WithName("ExportSessionResults")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress sessions")
        .WithSummary("Export a closed session's attendance and results for the archive: CSV, XLSX, or a printable page to sign (totals only, never a ballot)")
        .Produces<byte[]>(StatusCodes.Status200OK, "text/csv", XlsxWriter.ContentType, "text/html")
        .ProducesProblems(401, 403, 404, 409);
}
