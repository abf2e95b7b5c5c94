using System.Text.Json.Serialization;
using Workforce.Directory.Contracts;
using Workforce.Proposals.Handling;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Awards;

/// <summary>
/// An enterprise puts one of its closed proposals forward to an award campaign of its region, while the campaign takes
/// nominations: the region gets its own copy of the proposal as it stands, and nothing else of the enterprise's.
/// </summary>
internal sealed record NominateProposal : ICommand<Nomination>
{
    [JsonIgnore] public Guid ProposalId { get; init; }

    public Guid? CampaignId { get; init; }

    /// <summary>推荐理由: why the enterprise thinks it excellent.</summary>
    public string? Statement { get; init; }
}

internal sealed class NominateProposalValidator : AbstractValidator<NominateProposal>
{
    public NominateProposalValidator()
    {
        RuleFor(c => c.CampaignId).NotEmpty();
        RuleFor(c => c.Statement).MaximumLength(4000);
    }
}

internal sealed class NominateProposalHandler(DbSession db, CurrentActor actor, IMediator mediator, TimeProvider clock, EnterpriseCalendar calendar, Outbox outbox, ProposalTransition transition)
    : IRequestHandler<NominateProposal, Nomination>
{
    private static readonly ProblemCode NotClosed = new(409, "proposal_not_closed", new("The proposal is not closed.", "该提案尚未结案。"));

    private static readonly ProblemCode NominationsClosed = new(409, "nominations_closed",
        new("The campaign no longer takes nominations.", "评选活动已停止接受推荐。"));

    private static readonly ProblemCode AlreadyNominatedCode = new(409, "already_nominated",
        new("The proposal is already nominated.", "该提案已推荐过。"));

    /// <summary>The refusal of nominating a proposal a second time to a campaign (its unique key's).</summary>
    public static ProblemException AlreadyNominated() => AlreadyNominatedCode.With(new(
        "The enterprise has already nominated this proposal to the campaign.", "本单位已将此提案推荐参加该评选活动。"));

    public async Task<Nomination> Handle(NominateProposal request, CancellationToken cancellationToken)
    {
        var proposal = await Proposal.FindAsync(db, actor, clock, request.ProposalId, cancellationToken);
        if (proposal.Status != ProposalStatus.Closed)
        {
            throw NotClosed.With(new($"Only closed proposals can be nominated; this one is {proposal.Status.ToDbText()}.",
                $"只有已结案的提案才能推荐参评，此提案目前为“{proposal.Status.ChineseName()}”。"));
        }
        var enterprise = await mediator.Send(new FindOrganisation(actor.TenantId), cancellationToken)
            ?? throw new InvalidOperationException("The acting enterprise is not in Directory.");
        var campaign = await db.QuerySingleOrDefaultAsync<OpenCampaignRow>(
            "SELECT tenant_id, id, name, status, nominations_close_on FROM proposals.award_campaigns WHERE tenant_id = ANY(@Regions) AND id = @CampaignId FOR SHARE",
            new { Regions = enterprise.Path.ToArray(), request.CampaignId }, cancellationToken)
            ?? throw ProblemException.UnknownReference("campaignId", new Words($"No region of this enterprise runs an award campaign {request.CampaignId}.",
                $"本单位所属地区没有评选活动 {request.CampaignId}。"));
        var today = (await calendar.OwnAsync(cancellationToken)).Today;
        if (campaign.Status != CampaignStatus.Nominating || today > campaign.NominationsCloseOn)
        {
            throw NominationsClosed.With(new($"The campaign took nominations until {campaign.NominationsCloseOn:yyyy-MM-dd}.",
                $"该评选活动的推荐截止日期为 {campaign.NominationsCloseOn:yyyy-MM-dd}。"));
        }
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO proposals.award_nominations (tenant_id, id, campaign_id, enterprise_id, enterprise_name, proposal_id, number, category,
                title, proposer_name, reasons, suggestions, lead_unit_name, answer, rating, statement, nominated_by)
            SELECT @Region, @Id, @CampaignId, p.tenant_id, @EnterpriseName, p.id, p.number, p.category, p.title, p.proposer_name, p.reasons,
                   p.suggestions, p.lead_unit_name, p.answer, p.rating, @Statement, @NominatedBy
            FROM proposals.proposals p WHERE p.tenant_id = @Tenant AND p.id = @ProposalId
            """,
            new
            {
                Region = campaign.TenantId, Id = id, CampaignId = campaign.Id, EnterpriseName = enterprise.Name, Tenant = actor.TenantId, request.ProposalId,
                Statement = string.IsNullOrWhiteSpace(request.Statement) ? null : request.Statement.Trim(), NominatedBy = actor.Name,
            }, cancellationToken);
        await transition.RecordAsync(proposal.Id, ProposalEvents.Happening(ProposalEvents.Nominated), proposal.Status, proposal.Status, campaign.Name, cancellationToken);
        outbox.Publish(actor.TenantId, ProposalEvents.Nominated, proposal.Id, new { proposal.Id, proposal.Number, CampaignId = campaign.Id, Campaign = campaign.Name });
        outbox.Publish(campaign.TenantId, AwardEvents.NominationReceived, id,
            new { Id = id, CampaignId = campaign.Id, EnterpriseId = actor.TenantId, EnterpriseName = enterprise.Name, proposal.Title });
        return await Nomination.FindAsync(db, campaign.TenantId, id, cancellationToken);
    }

    private sealed record OpenCampaignRow
    {
        public required Guid TenantId { get; init; }
        public required Guid Id { get; init; }
        public required string Name { get; init; }
        public required CampaignStatus Status { get; init; }
        public required DateOnly NominationsCloseOn { get; init; }
    }
}

internal static class NominateProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/nominations", async (Guid id, NominateProposal command, IMediator mediator, CancellationToken ct) =>
        {
            var nomination = await mediator.Send(command with { ProposalId = id }, ct);
            return TypedResults.Created($"/api/v1/proposals/award-nominations/{nomination.Id}", nomination);
        })
        .WithName("NominateProposal")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal awards")
        .WithSummary("Nominate a closed proposal to an award campaign of the enterprise's region")
        .Produces<Nomination>(StatusCodes.Status201Created)
        .ProducesProblems(404, 409, 422);
}
