using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Modules;
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
public sealed class CongressModule : IModule
{
    public string Name => "congress";

    public ModulePermissions Permissions { get; } = new()
    {
        Declared = ModulePermissions.ConstantsOf(typeof(CongressPermissions)),
        Grants = new Dictionary<Role, IReadOnlyList<string>>
        {
            [Role.RegionAdmin] = [CongressPermissions.RegionRead],
            [Role.EnterpriseAdmin] = [CongressPermissions.SessionsRead, CongressPermissions.SessionsManage],
            [Role.Representative] = [CongressPermissions.Attend],
        },
        GivenBy = new Dictionary<string, string> { [CongressPermissions.Attend] = CongressPermissions.SessionsManage },
    };

    public void AddServices(IServiceCollection services)
    {
        Dapper.SqlMapper.AddTypeHandler(new PollResultsHandler());
        services.AddOptions<DocumentLimits>().BindConfiguration("Congress");
        services.AddConstraintProblem("sessions_number_key", () => ProblemException.Conflict("session_number_taken",
            "The term already has a session with this number.",
            new Dictionary<string, string[]> { ["number"] = ["This session number is already used in the term."] }));
    }

    public Task SeedDemoDataAsync(DemoSeeding demo, CancellationToken ct) =>
        new DemoCongressSeeder(demo.Services).SeedAsync(demo.Shared<DemoDirectory>(), ct);

    public void MapEndpoints(IEndpointRouteBuilder app)
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
        GetRegionCongressFiguresEndpoint.Map(api);

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
    }
}
