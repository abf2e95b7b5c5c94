namespace Workforce.Proposals.Awards;

/// <summary>A campaign's nominations ranked by <see cref="Ranking"/>, with the award each was given.</summary>
internal sealed record GetRanking(Guid CampaignId) : IQuery<CampaignRanking>;

internal sealed record RankingRow(int? Rank, Guid NominationId, string EnterpriseName, string Number, string Title, decimal? Score,
    decimal? LeadCriterionScore, int Reviewers, string? AwardLevel, string? AwardReward);

/// <param name="TieBreaks">The rules that order nominations of equal score, in the order they apply.</param>
/// <param name="TieBreakCodes">The same rules as stable codes, for clients that word them in their own language:
/// leadCriterion (mean score on <paramref name="LeadCriterion"/>, higher first), moreReviewers, nominatedFirst.</param>
internal sealed record CampaignRanking(Guid CampaignId, CampaignStatus Status, string LeadCriterion, IReadOnlyList<string> TieBreaks, IReadOnlyList<RankingRow> Rows)
{
    public IReadOnlyList<string> TieBreakCodes { get; } = ["leadCriterion", "moreReviewers", "nominatedFirst"];
}

internal sealed class GetRankingHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetRanking, CampaignRanking>
{
    private sealed record ScoreRow
    {
        public required Guid NominationId { get; init; }
        public required Guid ReviewerId { get; init; }
        public required Guid CriterionId { get; init; }
        public required decimal Score { get; init; }
    }

    public async Task<CampaignRanking> Handle(GetRanking request, CancellationToken cancellationToken)
    {
        var campaign = await Campaign.FindAsync(db, actor.TenantId, request.CampaignId, cancellationToken);
        var of = new { Tenant = actor.TenantId, request.CampaignId };
        var nominations = await db.QueryAsync<Nomination>(
            $"SELECT {Nomination.Columns} FROM proposals.award_nominations n WHERE n.tenant_id = @Tenant AND n.campaign_id = @CampaignId ORDER BY n.nominated_at, n.id",
            of, cancellationToken);
        var scores = await db.QueryAsync<ScoreRow>(
            """
            SELECT s.nomination_id, s.reviewer_id, s.criterion_id, s.score FROM proposals.award_scores s
            JOIN proposals.award_nominations n ON n.tenant_id = s.tenant_id AND n.id = s.nomination_id
            WHERE s.tenant_id = @Tenant AND n.campaign_id = @CampaignId
            """, of, cancellationToken);
        var ranked = Ranking.Of(campaign.Criteria, nominations.Select(n => (n.Id, (IReadOnlyList<ReviewerScores>)scores
            .Where(s => s.NominationId == n.Id).GroupBy(s => s.ReviewerId)
            .Select(g => new ReviewerScores(g.Key, g.ToDictionary(s => s.CriterionId, s => s.Score))).ToList())).ToList());
        var byId = nominations.ToDictionary(n => n.Id);
        var lead = Ranking.LeadCriterion(campaign.Criteria);
        return new CampaignRanking(campaign.Id, campaign.Status, lead.Name,
            [
                new Words($"mean score on {lead.Name} (the criterion weighted most)", $"“{lead.Name}”（权重最高的标准）平均分高者在前").Said,
                new Words("more reviewers having scored it", "评分的评审人多者在前").Said,
                new Words("nominated first", "推荐在先者在前").Said,
            ],
            ranked.Select(r =>
            {
                var n = byId[r.NominationId];
                return new RankingRow(r.Rank, n.Id, n.EnterpriseName, n.Number, n.Title, r.Score, r.LeadCriterionScore, r.Reviewers, n.AwardLevel, n.AwardReward);
            }).ToList());
    }
}

internal static class GetRankingEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/award-campaigns/{id:guid}/ranking", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRanking(id), ct))
        .WithName("GetAwardRanking")
        .RequirePermission(ProposalsPermissions.AwardsManage)
        .WithTags("Proposal awards")
        .WithSummary("The campaign's nominations ranked by weighted mean score, with the tie-breaks stated")
        .Produces<CampaignRanking>()
        .ProducesProblems(404);
}
