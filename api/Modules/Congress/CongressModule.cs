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

    public IReadOnlyDictionary<string, string> ChineseFieldNames { get; } = new Dictionary<string, string>
    {
        ["Year"] = "年度",
        ["TermId"] = "届次",
        ["CreateSession.Number"] = "第几次会议",
        ["CreateSession.Name"] = "会议名称",
        ["CreateSession.Kind"] = "会议类型",
        ["Mode"] = "召开方式",
        ["HeldOn"] = "召开日期",
        ["Venue"] = "会场",
        ["Steps"] = "议程",
        ["AgendaStepInput.Kind"] = "环节",
        ["AgendaStepInput.Title"] = "环节名称",
        ["AgendaStepInput.Channel"] = "进行方式",
        ["StartsAt"] = "开始时间",
        ["EndsAt"] = "结束时间",
        ["RepresentativeId"] = "代表",
        ["RecordCheckIn.Channel"] = "签到方式",
        ["From"] = "开始日期",
        ["To"] = "结束日期",
        ["Title"] = "标题",
        ["Description"] = "说明",
        ["Items"] = "分项",
        ["PassRule"] = "通过规则",
        ["ItemInput.Title"] = "名称",
        ["ItemInput.Detail"] = "简介",
        ["Seats"] = "应选名额",
        ["Candidates"] = "候选人",
        ["Managers"] = "测评对象",
        ["MinRespondents"] = "最少参评人数",
        ["Choices"] = "选票",
        ["PollId"] = "表决事项",
        ["Receipt"] = "回执",
        ["RepresentativeIds"] = "纸质投票代表",
        ["Counts"] = "纸质票数",
        ["PaperCount.Item"] = "事项",
        ["PaperCount.Choice"] = "选项",
        ["PaperCount.Count"] = "票数",
        ["DelegationGroup"] = "代表团（组）",
        ["Opinion"] = "讨论意见",
        ["UploadDocument.Title"] = "文件标题",
        ["UploadDocument.File"] = "文件",
        ["Note"] = "进展情况",
        ["Progress"] = "完成进度",
        ["Owner"] = "承办部门",
        ["TrackResolution.Status"] = "执行状态",
    };

    public void AddServices(IServiceCollection services)
    {
        Dapper.SqlMapper.AddTypeHandler(new PollResultsHandler());
        services.AddOptions<DocumentLimits>().BindConfiguration("Congress");
        services.AddConstraintProblem("sessions_number_key", CreateSessionHandler.NumberTaken);
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
