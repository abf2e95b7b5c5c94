using System.Text.Json.Serialization;

namespace Workforce.Proposals.Awards;

/// <summary>
/// A reviewer scores a nomination on every criterion of its campaign, 0 to 100 each, while the campaign is reviewing;
/// scoring again replaces their earlier scores. A reviewer never scores a nomination of the enterprise they come from.
/// </summary>
internal sealed record ScoreNomination : ICommand<NominationScores>
{
    [JsonIgnore] public Guid NominationId { get; init; }

    public IReadOnlyList<CriterionScore>? Scores { get; init; }
}

internal sealed record CriterionScore(Guid? CriterionId, decimal? Score);

internal sealed record NominationScores(Guid NominationId, Guid ReviewerId, IReadOnlyList<CriterionScore> Scores, decimal WeightedScore);

internal sealed class ScoreNominationValidator : AbstractValidator<ScoreNomination>
{
    public ScoreNominationValidator()
    {
        RuleFor(c => c.Scores).NotEmpty();
        RuleForEach(c => c.Scores).ChildRules(score =>
        {
            score.RuleFor(s => s.CriterionId).NotEmpty();
            score.RuleFor(s => s.Score).NotNull().InclusiveBetween(0, 100).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        });
    }
}

internal sealed class ScoreNominationHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<ScoreNomination, NominationScores>
{
    private static readonly ProblemCode NotAReviewer = new(403, "not_a_reviewer",
        new("You are not a reviewer of this campaign.", "您不是该评选活动的评审人。"));

    private static readonly ProblemCode ConflictOfInterest = new(403, "conflict_of_interest",
        new("You may not score your own enterprise's nomination.", "您不能为本单位推荐的提案评分。"));

    public async Task<NominationScores> Handle(ScoreNomination request, CancellationToken cancellationToken)
    {
        var nomination = await Nomination.FindAsync(db, actor.TenantId, request.NominationId, cancellationToken);
        var campaign = await Campaign.FindAsync(db, actor.TenantId, nomination.CampaignId, cancellationToken);
        var reviewer = campaign.Reviewers.FirstOrDefault(r => r.UserId == actor.Id)
            ?? throw NotAReviewer.With(new("Only the reviewers the campaign names score its nominations.", "只有评选活动指定的评审人才能为推荐的提案评分。"));
        if (reviewer.EnterpriseId == nomination.EnterpriseId)
        {
            throw ConflictOfInterest.With(new($"You come from {nomination.EnterpriseName}, which nominated this proposal; the other reviewers score it.",
                $"您来自推荐此提案的{nomination.EnterpriseName}，须回避，由其他评审人评分。"));
        }
        campaign.Require(CampaignStatus.Reviewing, new Words("scoring", "评分"));
        var given = request.Scores!;
        var criteria = campaign.Criteria.Select(c => c.Id).ToHashSet();
        if (given.Select(s => s.CriterionId!.Value).Distinct().Count() != given.Count || !given.All(s => criteria.Contains(s.CriterionId!.Value)) || given.Count != criteria.Count)
        {
            throw ProblemException.Invalid("scores", new Words($"Score each of the campaign's {criteria.Count} criteria exactly once.",
                $"须对评选活动的 {criteria.Count} 项评选标准逐项各评一次分。"));
        }
        await db.ExecuteAsync(
            """
            INSERT INTO proposals.award_scores (tenant_id, id, nomination_id, reviewer_id, criterion_id, score)
            SELECT @Tenant, gen_random_uuid(), @NominationId, @ReviewerId, s.criterion_id, s.score FROM unnest(@Criteria, @Scores) AS s (criterion_id, score)
            ON CONFLICT (tenant_id, nomination_id, reviewer_id, criterion_id) DO UPDATE SET score = excluded.score, scored_at = @Now
            """,
            new
            {
                Tenant = actor.TenantId, request.NominationId, ReviewerId = reviewer.Id,
                Criteria = given.Select(s => s.CriterionId!.Value).ToArray(), Scores = given.Select(s => s.Score!.Value).ToArray(),
            }, cancellationToken);
        var weighted = Ranking.Weighted(campaign.Criteria, given.ToDictionary(s => s.CriterionId!.Value, s => s.Score!.Value));
        outbox.Publish(actor.TenantId, AwardEvents.NominationScored, nomination.Id, new { nomination.Id, ReviewerId = reviewer.Id });
        return new NominationScores(nomination.Id, reviewer.Id, given, weighted);
    }
}

internal static class ScoreNominationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/award-nominations/{id:guid}/my-scores", async (Guid id, ScoreNomination command, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(command with { NominationId = id }, ct))
        .WithName("ScoreAwardNomination")
        .RequirePermission(ProposalsPermissions.AwardsReview)
        .WithTags("Proposal awards")
        .WithSummary("Score a nomination on each criterion, as one of the campaign's reviewers")
        .Produces<NominationScores>()
        .ProducesProblems(403, 404, 409, 422);
}
