using Workforce.Directory.Contracts;
using Workforce.Proposals.Handling;

namespace Workforce.Proposals.Awards;

/// <summary>
/// To an enterprise's union: the award campaigns of its region that take nominations today, and those it has nominated
/// to, each with the enterprise's own nominations and what became of them. Nothing of other enterprises' nominations,
/// no scores, no reviewers.
/// </summary>
internal sealed record ListRegionCampaigns : IQuery<IReadOnlyList<RegionCampaign>>;

internal sealed record OwnNomination
{
    public required Guid Id { get; init; }
    public required Guid CampaignId { get; init; }
    public required Guid ProposalId { get; init; }
    public required string Number { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset NominatedAt { get; init; }
    public string? AwardLevel { get; init; }
    public string? AwardReward { get; init; }
}

internal sealed record RegionCampaign
{
    public required Guid Id { get; init; }
    public required Guid RegionId { get; init; }
    public string RegionName { get; init; } = "";
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required DateOnly NominationsCloseOn { get; init; }
    public required CampaignStatus Status { get; init; }

    /// <summary>The campaign takes nominations today (nominating, and its closing day not past in the enterprise's calendar).</summary>
    public required bool TakesNominations { get; init; }

    public IReadOnlyList<OwnNomination> Nominations { get; init; } = [];
}

internal sealed class ListRegionCampaignsHandler(DbSession db, CurrentActor actor, IMediator mediator, EnterpriseCalendar calendar)
    : IRequestHandler<ListRegionCampaigns, IReadOnlyList<RegionCampaign>>
{
    public async Task<IReadOnlyList<RegionCampaign>> Handle(ListRegionCampaigns query, CancellationToken cancellationToken)
    {
        var enterprise = await mediator.Send(new FindOrganisation(actor.TenantId), cancellationToken)
            ?? throw new InvalidOperationException("The acting enterprise is not in Directory.");
        var regions = enterprise.Path.Where(id => id != enterprise.Id).ToArray();
        var of = new
        {
            Regions = regions, Enterprise = enterprise.Id,
            Today = (await calendar.OwnAsync(cancellationToken)).Today,
        };
        var campaigns = await db.QueryAsync<RegionCampaign>(
            """
            SELECT c.tenant_id AS region_id, c.id, c.name, c.description, c.nominations_close_on, c.status,
                   (c.status = 'nominating' AND c.nominations_close_on >= @Today) AS takes_nominations
            FROM proposals.award_campaigns c
            WHERE c.tenant_id = ANY(@Regions)
              AND ((c.status = 'nominating' AND c.nominations_close_on >= @Today)
                   OR EXISTS (SELECT 1 FROM proposals.award_nominations n WHERE n.tenant_id = c.tenant_id AND n.campaign_id = c.id AND n.enterprise_id = @Enterprise))
            ORDER BY c.id DESC
            LIMIT 100
            """, of, cancellationToken);
        var nominations = (await db.QueryAsync<OwnNomination>(
                """
                SELECT n.id, n.campaign_id, n.proposal_id, n.number, n.title, n.nominated_at, n.award_level, n.award_reward
                FROM proposals.award_nominations n
                WHERE n.tenant_id = ANY(@Regions) AND n.enterprise_id = @Enterprise AND n.campaign_id = ANY(@Campaigns)
                ORDER BY n.nominated_at, n.id
                """, new { of.Regions, of.Enterprise, Campaigns = campaigns.Select(c => c.Id).ToArray() }, cancellationToken))
            .ToLookup(n => n.CampaignId);
        var names = new Dictionary<Guid, string>();
        foreach (var region in campaigns.Select(c => c.RegionId).Distinct())
        {
            names[region] = (await mediator.Send(new FindOrganisation(region), cancellationToken))?.Name ?? "";
        }
        return campaigns.Select(c => c with { RegionName = names[c.RegionId], Nominations = nominations[c.Id].ToList() }).ToList();
    }
}

internal static class ListRegionCampaignsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/region-award-campaigns", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListRegionCampaigns(), ct))
        .WithName("ListRegionAwardCampaigns")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal awards")
        .WithSummary("The region's award campaigns an enterprise may nominate to today, and those it nominated to, with its own nominations")
        .Produces<IReadOnlyList<RegionCampaign>>()
        .ProducesProblems();
}
