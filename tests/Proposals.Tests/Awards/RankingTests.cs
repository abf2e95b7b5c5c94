using Workforce.Proposals.Awards;

namespace Workforce.Proposals.Tests.Awards;

public sealed class RankingTests
{
    private static readonly Criterion Impact = new() { Id = Guid.NewGuid(), Position = 1, Name = "实效性", Weight = 50 };
    private static readonly Criterion Novelty = new() { Id = Guid.NewGuid(), Position = 2, Name = "创新性", Weight = 50 };

    private static ReviewerScores By(decimal impact, decimal novelty) => new(Guid.NewGuid(), new Dictionary<Guid, decimal> { [Impact.Id] = impact, [Novelty.Id] = novelty });

    [Fact]
    public void Equal_scores_are_ordered_by_the_first_of_the_heaviest_criteria_then_by_more_reviewers_then_by_who_was_nominated_first()
    {
        var (first, second, third, fourth, unscored) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var ranked = Ranking.Of([Impact, Novelty],
        [
            (unscored, []),
            (first, [By(70, 90)]),                    // 80, impact 70
            (second, [By(90, 70)]),                   // 80, impact 90: wins the tie on the first criterion of equal weight
            (third, [By(90, 70), By(90, 70)]),        // 80, impact 90, two reviewers: wins over second
            (fourth, [By(90, 70), new ReviewerScores(Guid.NewGuid(), new Dictionary<Guid, decimal> { [Impact.Id] = 0 })]),
        ]);

        Assert.Equal([third, second, fourth, first, unscored], ranked.Select(r => r.NominationId));
        Assert.Equal([1, 2, 3, 4, null], ranked.Select(r => r.Rank));
        // An incomplete set of scores does not count: fourth has one reviewer, and loses to second, nominated before it.
        Assert.Equal(1, ranked.Single(r => r.NominationId == fourth).Reviewers);
        Assert.Null(ranked.Single(r => r.NominationId == unscored).Score);
    }

    [Fact]
    public void A_reviewers_score_is_weighted_by_the_criteria_and_the_nominations_is_the_mean_to_two_decimals()
    {
        var heavy = Impact with { Weight = 70 };
        var light = Novelty with { Weight = 30 };
        var nomination = Guid.NewGuid();
        var ranked = Ranking.Of([heavy, light], [(nomination, [By(80, 60), By(65, 90), By(100, 0)])]);

        // 74, 72.5, 70 → 72.17
        Assert.Equal(72.17m, ranked.Single().Score);
        Assert.Equal(81.67m, ranked.Single().LeadCriterionScore);
    }
}
