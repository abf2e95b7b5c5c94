using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Modules;
using Workforce.Proposals.Attachments;
using Workforce.Proposals.Awards;
using Workforce.Proposals.Calls;
using Workforce.Proposals.Demo;
using Workforce.Directory.Contracts;
using Workforce.Proposals.Cosigning;
using Workforce.Proposals.Handling;
using Workforce.Proposals.Proposals;
using Workforce.Proposals.Resolutions;
using Workforce.Proposals.Review;
using Workforce.Proposals.Settings;
using Workforce.Proposals.Statistics;

namespace Workforce.Proposals;

/// <summary>
/// The Proposals module: representatives' proposals from call to closure, their handling by departments, and the
/// regional excellent-proposal awards.
/// </summary>
public sealed class ProposalsModule : IModule
{
    public string Name => "proposals";

    public ModulePermissions Permissions { get; } = new()
    {
        Declared = ModulePermissions.ConstantsOf(typeof(ProposalsPermissions)),
        Grants = new Dictionary<Role, IReadOnlyList<string>>
        {
            [Role.RegionAdmin] = [ProposalsPermissions.AwardsManage, ProposalsPermissions.AwardsReview, ProposalsPermissions.RegionRead],
            [Role.EnterpriseAdmin] = [ProposalsPermissions.Read, ProposalsPermissions.Manage],
            [Role.Handler] = [ProposalsPermissions.Handle],
            [Role.Representative] = [ProposalsPermissions.Propose],
        },
        GivenBy = new Dictionary<string, string>
        {
            [ProposalsPermissions.Propose] = ProposalsPermissions.Manage,
            [ProposalsPermissions.Handle] = ProposalsPermissions.Manage,
        },
    };

    public IReadOnlyDictionary<string, string> ChineseFieldNames { get; } = new Dictionary<string, string>
    {
        ["Year"] = "年度",
        ["UploadAttachment.File"] = "文件",
        // Calls and settings
        ["Theme"] = "征集主题",
        ["Description"] = "征集说明",
        ["OpensOn"] = "开始日期",
        ["ClosesOn"] = "截止日期",
        ["MinCosigners"] = "最少附议人数",
        ["HandlingDays"] = "办理期限（天）",
        ["MaxHandlingRounds"] = "最多办理轮次",

        // Proposals, co-signing and attachments
        ["Category"] = "提案类别",
        ["Title"] = "提案标题",
        ["Reasons"] = "案由",
        ["Suggestions"] = "建议",
        ["Search"] = "搜索内容",
        ["WorkerIds"] = "受邀职工代表",
        ["Accept"] = "是否同意附议",
        ["FileName"] = "文件名",
        ["Size"] = "文件大小",

        // Review, handling and resolutions
        ["Note"] = "备注",
        ["Decision"] = "审查决定",
        ["Reason"] = "理由",
        ["IntoId"] = "并入的提案",
        ["LeadUnitId"] = "主办部门",
        ["CoHandlingUnitIds"] = "协办部门",
        ["Answer"] = "答复",
        ["Rating"] = "满意度评价",
        ["Comment"] = "评价意见",
        ["ResolutionId"] = "决议",

        // Statistics
        ["From"] = "统计开始日期",
        ["To"] = "统计结束日期",

        // Awards
        ["OpenCampaign.Name"] = "评选活动名称",
        ["OpenCampaign.Description"] = "评选活动说明",
        ["NominationsCloseOn"] = "推荐截止日期",
        ["Criteria"] = "评选标准",
        ["CriterionInput.Name"] = "评选标准名称",
        ["Weight"] = "权重",
        ["Reviewers"] = "评审人",
        ["UserId"] = "评审人账号",
        ["CampaignId"] = "评选活动",
        ["Statement"] = "推荐理由",
        ["Level"] = "奖项等级",
        ["Reward"] = "奖励",
        ["TargetBody"] = "转送机关",
        ["ForwardedOn"] = "转送日期",
        ["Reference"] = "案号",
        ["Scores"] = "评分",
        ["CriterionId"] = "评选标准",
        ["Score"] = "分数",
    };

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ProposalTransition>();
        services.AddOptions<AttachmentLimits>().BindConfiguration("Proposals");
        services.AddHostedService<OverdueReminderWorker>();
        services.AddConstraintProblem("award_nominations_once_key", NominateProposalHandler.AlreadyNominated);
    }

    public Task SeedDemoDataAsync(DemoSeeding demo, CancellationToken ct) =>
        new DemoProposalsSeeder(demo.Services).SeedAsync(demo.Shared<DemoDirectory>(), ct);

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/proposals");

        GetProposalSettingsEndpoint.Map(api);
        ChangeProposalSettingsEndpoint.Map(api);

        CreateCallEndpoint.Map(api);
        ListCallsEndpoint.Map(api);
        GetCallEndpoint.Map(api);
        EditCallEndpoint.Map(api);

        DraftProposalEndpoint.Map(api);
        EditDraftEndpoint.Map(api);
        ListProposalsEndpoint.Map(api);
        GetProposalEndpoint.Map(api);
        UploadAttachmentEndpoint.Map(api);
        GetAttachmentContentEndpoint.Map(api);
        DeleteAttachmentEndpoint.Map(api);
        InviteCosignersEndpoint.Map(api);
        AnswerInvitationEndpoint.Map(api);
        SubmitProposalEndpoint.Map(api);

        StartReviewEndpoint.Map(api);
        DecideProposalEndpoint.Map(api);
        MergeProposalEndpoint.Map(api);
        AssignProposalEndpoint.Map(api);
        AnswerProposalEndpoint.Map(api);
        RateAnswerEndpoint.Map(api);
        CloseProposalEndpoint.Map(api);
        LinkResolutionEndpoint.Map(api);
        SendOverdueRemindersEndpoint.Map(api);

        GetProposalStatisticsEndpoint.Map(api);
        GetRegionProposalFiguresEndpoint.Map(api);

        OpenCampaignEndpoint.Map(api);
        ListCampaignsEndpoint.Map(api);
        GetCampaignEndpoint.Map(api);
        AdvanceCampaignEndpoint.Map(api);
        NominateProposalEndpoint.Map(api);
        ListRegionCampaignsEndpoint.Map(api);
        ListNominationsEndpoint.Map(api);
        GetNominationEndpoint.Map(api);
        ScoreNominationEndpoint.Map(api);
        GetRankingEndpoint.Map(api);
        RecordAwardEndpoint.Map(api);
        RecordEscalationEndpoint.Map(api);
    }
}
