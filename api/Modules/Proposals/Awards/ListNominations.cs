namespace Workforce.Proposals.Awards;

/// <summary>A campaign's nominations in the order they came (a few hundred at most); to a reviewer, whether they may score each and whether they have.</summary>
internal sealed record ListNominations(Guid CampaignId) : IQuery<IReadOnlyList<NominationSummary>>;

internal sealed record NominationSummary
{
    public required Guid Id { get; init; }
    public required Guid EnterpriseId { get; init; }
    public required string EnterpriseName { get; init; }
    public required string Number { get; init; }
    public required string Category { get; init; }
    public required string Title { get; init; }
    public required string ProposerName { get; init; }
    public required DateTimeOffset NominatedAt { get; init; }
    public string? AwardLevel { get; init; }

    /// <summary>The caller is a reviewer from the nominating enterprise, so may not score it.</summary>
    public required bool Conflicted { get; init; }

    public required bool ScoredByMe { get; init; }
}

internal sealed class ListNominationsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListNominations, IReadOnlyList<NominationSummary>>
{
    public async Task<IReadOnlyList<NominationSummary>> Handle(ListNominations query, CancellationToken cancellationToken)
    {
        await Campaign.FindAsync(db, actor.TenantId, query.CampaignId, cancellationToken);
        return await db.QueryAsync<NominationSummary>(
            """
            SELECT n.id, n.enterprise_id, n.enterprise_name, n.number, n.category, n.title, n.proposer_name, n.nominated_at, n.award_level,
                   (r.enterprise_id IS NOT DISTINCT FROM n.enterprise_id) AS conflicted,
                   EXISTS (SELECT 1 FROM proposals.award_scores s WHERE s.tenant_id = n.tenant_id AND s.nomination_id = n.id AND s.reviewer_id = r.id) AS scored_by_me
            FROM proposals.award_nominations n
            LEFT JOIN proposals.award_reviewers r ON r.tenant_id = n.tenant_id AND r.campaign_id = n.campaign_id AND r.user_id = @User
            WHERE n.tenant_id = @Tenant AND n.campaign_id = @CampaignId
            ORDER BY n.id
            """,
            new { Tenant = actor.TenantId, query.CampaignId, User = actor.Id ?? Guid.Empty }, cancellationToken);
    }
}

internal static class ListNominationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/award-campaigns/{id:guid}/nominations", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListNominations(id), ct))
        .WithName("ListAwardNominations")
        .RequirePermission(ProposalsPermissions.AwardsManage, ProposalsPermissions.AwardsReview)
        .WithTags("Proposal awards")
        .WithSummary("List a campaign's nominations")
        .Produces<IReadOnlyList<NominationSummary>>()
        .ProducesProblems(404);
}
