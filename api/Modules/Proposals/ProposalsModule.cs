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

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ProposalTransition>();
        services.AddOptions<AttachmentLimits>().BindConfiguration("Proposals");
        services.AddHostedService<OverdueReminderWorker>();
        services.AddConstraintProblem("award_nominations_once_key", () => ProblemException.Conflict("already_nominated",
            "The enterprise has already nominated this proposal to the campaign."));
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
