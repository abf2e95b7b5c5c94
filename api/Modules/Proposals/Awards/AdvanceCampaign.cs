using System.Text.Json.Serialization;

namespace Workforce.Proposals.Awards;

/// <summary>Moves a campaign on: from nominating to reviewing (nominations end, scoring starts), or from reviewing to decided (scores are final).</summary>
internal sealed record AdvanceCampaign : ICommand<Campaign>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public CampaignStatus To { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

internal sealed class AdvanceCampaignHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<AdvanceCampaign, Campaign>
{
    public async Task<Campaign> Handle(AdvanceCampaign request, CancellationToken cancellationToken)
    {
        var campaign = await Campaign.FindAsync(db, actor.TenantId, request.Id, cancellationToken, forUpdate: true);
        Concurrency.EnsureVersion(campaign.Version, request.ExpectedVersion);
        campaign.Require(request.To == CampaignStatus.Reviewing ? CampaignStatus.Nominating : CampaignStatus.Reviewing,
            request.To == CampaignStatus.Reviewing ? new Words("starting the review", "开始评审") : new Words("deciding", "评定结果"));
        await db.ExecuteAsync(
            "UPDATE proposals.award_campaigns SET status = @To, version = version + 1, updated_at = @Now WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = actor.TenantId, request.Id, To = request.To.ToDbText() }, cancellationToken);
        outbox.Publish(actor.TenantId, request.To == CampaignStatus.Reviewing ? AwardEvents.CampaignReviewing : AwardEvents.CampaignDecided, request.Id, new { request.Id, campaign.Name });
        return await Campaign.FindAsync(db, actor.TenantId, request.Id, cancellationToken);
    }
}

internal static class AdvanceCampaignEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        Map(api, "review", CampaignStatus.Reviewing, "StartAwardReview", "End nominations and start scoring (needs If-Match)");
        Map(api, "decide", CampaignStatus.Decided, "DecideAwardCampaign", "End scoring: the ranking is final (needs If-Match)");
    }

    private static void Map(IEndpointRouteBuilder api, string verb, CampaignStatus to, string name, string summary) => api
        .MapPost($"/award-campaigns/{{id:guid}}/{verb}", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new AdvanceCampaign { Id = id, To = to, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName(name)
        .RequirePermission(ProposalsPermissions.AwardsManage)
        .WithTags("Proposal awards")
        .WithSummary(summary)
        .Produces<Campaign>()
        .ProducesProblems(404, 409, 412, 428);
}
