namespace Workforce.Congress.Polls;

/// <summary>
/// Counts a vote: the ballot box and the tellers' paper counts, item by item, against ALL representatives on the roster
/// (not those present). Motions pass item by item with more than half of all (过半数), or at least two thirds of all
/// for special matters; candidates need more than half of all and the most votes for the seats; evaluations show
/// ratings only where enough representatives answered.
/// </summary>
internal static class Tally
{
    private sealed record Count(int Item, short Choice, int Votes);

    /// <summary>The votes in favour an item needs under the rule: more than half of the roster, or at least two thirds of it.</summary>
    public static int VotesNeeded(PassRule rule, int roster) => rule == PassRule.TwoThirdsOfAll ? (roster * 2 + 2) / 3 : roster / 2 + 1;

    public static async Task<PollResults> CountAsync(DbSession db, Guid tenant, Poll poll, CancellationToken ct)
    {
        var parameters = new { Tenant = tenant, Poll = poll.Id };
        var online = await db.QueryAsync<Count>(TallySql.Ballots, parameters, ct);
        var paper = await db.QueryAsync<Count>(TallySql.PaperCounts, parameters, ct);
        var ballots = await db.QuerySingleAsync<(int Online, int OnlineRoll, int PaperRoll)>(TallySql.Turnout, parameters, ct);
        if (ballots.Online != ballots.OnlineRoll)
        {
            throw new InvalidOperationException($"The ballot box of poll {poll.Id} holds {ballots.Online} ballots but the roll marks {ballots.OnlineRoll} online voters.");
        }

        var votes = online.Concat(paper).GroupBy(c => (c.Item, c.Choice)).ToDictionary(g => g.Key, g => g.Sum(c => c.Votes));
        int Of(int item, short choice) => votes.GetValueOrDefault((item, choice));
        var roster = poll.RosterSize ?? 0;
        var cast = ballots.Online + ballots.PaperRoll;
        var results = new PollResults
        {
            RosterSize = roster,
            BallotsCast = cast,
            OnlineBallots = ballots.Online,
            PaperBallots = ballots.PaperRoll,
            Turnout = roster == 0 ? 0 : Math.Round((double)cast / roster, 4),
            // Stored and announced in English; whoever reads the results is told it in their own language (Poll.ReadAsync).
            Rule = Rule(poll, roster).English,
            Items = [],
        };
        return poll.Kind switch
        {
            PollKind.Motion => Motion(poll, results, Of),
            PollKind.Election => Election(poll, results, Of),
            _ => Evaluation(poll, results, Of),
        };
    }

    /// <summary>The rule the outcome of <paramref name="poll"/> is decided by against a roster of <paramref name="roster"/>, in words.</summary>
    public static Words Rule(Poll poll, int roster)
    {
        var majority = VotesNeeded(PassRule.MajorityOfAll, roster);
        return poll.Kind switch
        {
            PollKind.Motion when poll.PassRule == PassRule.TwoThirdsOfAll => new(
                $"At least two thirds of all {roster} representatives for: {VotesNeeded(PassRule.TwoThirdsOfAll, roster)} votes.",
                $"须经全体代表 {roster} 人的三分之二以上赞成，即至少 {VotesNeeded(PassRule.TwoThirdsOfAll, roster)} 票。"),
            PollKind.Motion => new(
                $"More than half of all {roster} representatives for: {majority} votes.",
                $"须经全体代表 {roster} 人的过半数赞成，即至少 {majority} 票。"),
            PollKind.Election => new(
                $"{poll.Seats ?? 1} seats; a candidate needs more than half of all {roster} representatives ({majority} votes), the most votes winning.",
                $"应选 {poll.Seats ?? 1} 名；候选人得票须超过全体代表 {roster} 人的半数（至少 {majority} 票），得票多者当选。"),
            _ => new(
                $"Ratings are shown only where at least {poll.MinRespondents ?? 5} representatives answered.",
                $"参评代表达到 {poll.MinRespondents ?? 5} 人的，才显示测评结果。"),
        };
    }

    private static PollResults Motion(Poll poll, PollResults results, Func<int, short, int> of)
    {
        var roster = results.RosterSize;
        var rule = poll.PassRule ?? PassRule.MajorityOfAll;
        var needed = VotesNeeded(rule, roster);
        return results with
        {
            Items = poll.Items.Select(item => new ItemResult
            {
                Number = item.Number,
                Title = item.Title,
                For = of(item.Number, 1),
                Against = of(item.Number, 2),
                Abstain = of(item.Number, 3),
                Passed = of(item.Number, 1) >= needed,
            }).ToList(),
        };
    }

    private static PollResults Election(Poll poll, PollResults results, Func<int, short, int> of)
    {
        var roster = results.RosterSize;
        var seats = poll.Seats ?? 1;
        var needed = VotesNeeded(PassRule.MajorityOfAll, roster);
        var eligible = poll.Items.Where(c => of(c.Number, 1) >= needed).OrderByDescending(c => of(c.Number, 1)).ToList();
        // When more candidates have a majority than there are seats and the last seat's votes are shared, the tie is reported, not broken.
        var boundary = eligible.Count > seats && of(eligible[seats - 1].Number, 1) == of(eligible[seats].Number, 1)
            ? of(eligible[seats - 1].Number, 1)
            : (int?)null;
        var elected = eligible.Take(seats).Where(c => boundary is null || of(c.Number, 1) > boundary).Select(c => c.Number).ToHashSet();
        return results with
        {
            UndecidedSeats = boundary is null ? 0 : seats - elected.Count,
            Items = poll.Items.Select(c => new ItemResult
            {
                Number = c.Number,
                Title = c.Title,
                Votes = of(c.Number, 1),
                Elected = elected.Contains(c.Number),
                Tied = boundary is not null && of(c.Number, 1) == boundary && eligible.Any(e => e.Number == c.Number),
            }).ToList(),
        };
    }

    private static PollResults Evaluation(Poll poll, PollResults results, Func<int, short, int> of)
    {
        var minimum = poll.MinRespondents ?? 5;
        return results with
        {
            Items = poll.Items.Select(m =>
            {
                var respondents = Enumerable.Range(1, 4).Sum(rating => of(m.Number, (short)rating));
                var shown = respondents >= minimum;
                return new ItemResult
                {
                    Number = m.Number,
                    Title = m.Title,
                    Respondents = respondents,
                    Suppressed = !shown,
                    Excellent = shown ? of(m.Number, 1) : null,
                    Competent = shown ? of(m.Number, 2) : null,
                    BasicallyCompetent = shown ? of(m.Number, 3) : null,
                    Incompetent = shown ? of(m.Number, 4) : null,
                };
            }).ToList(),
        };
    }
}
