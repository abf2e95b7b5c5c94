using Microsoft.Extensions.DependencyInjection;
using Workforce.Directory.Contracts;
using Workforce.Congress.Agenda;
using Workforce.Congress.Attendance;
using Workforce.Congress.Ballots;
using Workforce.Congress.Demo;
using Workforce.Congress.Documents;
using Workforce.Congress.Exports;
using Workforce.Congress.Polls;
using Workforce.Congress.Representatives;
using Workforce.Congress.Resolutions;
using Workforce.Congress.Sessions;

namespace Workforce.Congress;

/// <summary>The Congress module: workers' congress sessions, their agenda and attendance, the secret ballot and resolutions.</summary>
public static class CongressModule
{
    public static IServiceCollection AddCongress(this IServiceCollection services)
    {
        Dapper.SqlMapper.AddTypeHandler(new PollResultsHandler());
        services.AddOptions<DocumentLimits>().BindConfiguration("Congress");
        return services.AddConstraintProblem("sessions_number_key", () => ProblemException.Conflict("session_number_taken",
            "The term already has a session with this number.",
            new Dictionary<string, string[]> { ["number"] = ["This session number is already used in the term."] }));
    }

    public static Task SeedDemoDataAsync(IServiceProvider services, DemoDirectory directory, CancellationToken ct) =>
        new DemoCongressSeeder(services).SeedAsync(directory, ct);

    public static IEndpointRouteBuilder MapCongress(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/congress");

        CreateSessionEndpoint.Map(api);
        ListSessionsEndpoint.Map(api);
        GetSessionEndpoint.Map(api);
        OpenSessionEndpoint.Map(api);
        CloseSessionEndpoint.Map(api);
        ArchiveSessionEndpoint.Map(api);

        SetAgendaEndpoint.Map(api);
        GetAgendaEndpoint.Map(api);
        RunAgendaStepEndpoint.Map(api);

        RecordCheckInEndpoint.Map(api);
        GetAttendanceEndpoint.Map(api);
        GetTurnoutEndpoint.Map(api);

        CreateMotionEndpoint.Map(api);
        CreateElectionEndpoint.Map(api);
        CreateEvaluationEndpoint.Map(api);
        ListPollsEndpoint.Map(api);
        GetPollEndpoint.Map(api);
        OpenPollEndpoint.Map(api);
        ClosePollEndpoint.Map(api);
        MarkPaperVotersEndpoint.Map(api);
        RecordPaperCountsEndpoint.Map(api);

        ListResolutionsEndpoint.Map(api);
        GetResolutionEndpoint.Map(api);
        TrackResolutionEndpoint.Map(api);
        AddResolutionNoteEndpoint.Map(api);

        ListMySessionsEndpoint.Map(api);
        GetMySessionEndpoint.Map(api);
        CheckInEndpoint.Map(api);
        CastBallotEndpoint.Map(api);
        CheckReceiptEndpoint.Map(api);

        UploadDocumentEndpoint.Map(api);
        ListDocumentsEndpoint.Map(api);
        GetDocumentContentEndpoint.Map(api);
        DeleteDocumentEndpoint.Map(api);
        ListDocumentReadsEndpoint.Map(api);
        RecordGroupOpinionEndpoint.Map(api);
        GetOpinionSummaryEndpoint.Map(api);
        ListMyDocumentsEndpoint.Map(api);
        GetMyDocumentContentEndpoint.Map(api);
        ConfirmReadingEndpoint.Map(api);

        ExportSessionResultsEndpoint.Map(api);
        return app;
    }
}
