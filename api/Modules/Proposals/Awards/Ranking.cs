namespace Workforce.Proposals.Awards;

/// <summary>One reviewer's scores of one nomination, by criterion.</summary>
internal sealed record ReviewerScores(Guid ReviewerId, IReadOnlyDictionary<Guid, decimal> ByCriterion);

internal sealed record Ranked(Guid NominationId, int? Rank, decimal? Score, decimal? LeadCriterionScore, int Reviewers);

/// <summary>
/// How a campaign's nominations are ranked: each reviewer's scores weighted by the criteria's weights (out of 100), and
/// the mean of those over the reviewers who scored the nomination, to two decimals. Ties are broken, in this order,
/// by (1) the mean score on the criterion weighted most (the first listed of equal weight), (2) more reviewers having
/// scored it, (3) having been nominated first. Nominations nobody scored come last, unranked.
/// </summary>
internal static class Ranking
{
    /// <summary>The criterion weighted most (the first listed of equal weight): the first tie-break.</summary>
    public static Criterion LeadCriterion(IReadOnlyList<Criterion> criteria) => criteria.OrderByDescending(c => c.Weight).ThenBy(c => c.Position).First();

    public static decimal Weighted(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<Guid, decimal> scores) =>
        Math.Round(criteria.Sum(c => scores[c.Id] * c.Weight) / 100m, 2);

    /// <param name="nominations">In the order they were nominated.</param>
    public static IReadOnlyList<Ranked> Of(IReadOnlyList<Criterion> criteria, IReadOnlyList<(Guid NominationId, IReadOnlyList<ReviewerScores> Scores)> nominations)
    {
        var lead = LeadCriterion(criteria).Id;
        var figures = nominations.Select((n, order) =>
        {
            var complete = n.Scores.Where(s => criteria.All(c => s.ByCriterion.ContainsKey(c.Id))).ToList();
            return (n.NominationId, Order: order, Reviewers: complete.Count,
                Score: complete.Count == 0 ? (decimal?)null : Math.Round(complete.Average(s => Weighted(criteria, s.ByCriterion)), 2),
                Lead: complete.Count == 0 ? (decimal?)null : Math.Round(complete.Average(s => s.ByCriterion[lead]), 2));
        }).ToList();
        var ranked = figures.Where(f => f.Score is not null)
            .OrderByDescending(f => f.Score).ThenByDescending(f => f.Lead).ThenByDescending(f => f.Reviewers).ThenBy(f => f.Order)
            .Select((f, i) => new Ranked(f.NominationId, i + 1, f.Score, f.Lead, f.Reviewers));
        var unscored = figures.Where(f => f.Score is null).Select(f => new Ranked(f.NominationId, null, null, null, 0));
        return ranked.Concat(unscored).ToList();
    }
}
