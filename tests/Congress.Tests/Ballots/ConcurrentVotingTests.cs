namespace Workforce.Congress.Tests.Ballots;

public sealed class ConcurrentVotingTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Many_representatives_voting_at_once_leave_one_ballot_each_and_exact_totals()
    {
        const int Representatives = 40;
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, Representatives, motion: new
        {
            title = "关于年度经营计划的分项表决", items = new[] { new { title = "经营目标" }, new { title = "投资计划" } },
        });
        var choiceOf = (int i) => i % 3 == 0 ? "against" : "for";

        // Every representative sends two ballots at the same moment: exactly one of each pair may count.
        var attempts = await Task.WhenAll(congress.Representatives.SelectMany((representative, i) => Enumerable.Range(0, 2)
            .Select(_ => congress.VoteAsync(representative, motion, (1, choiceOf(i)), (2, "abstain")))));
        var dropped = await BallotIdsAsync(motion);
        var closed = await congress.ClosePollAsync(motion);
        var kept = await BallotIdsAsync(motion);

        Assert.Equal(Representatives, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(Representatives, attempts.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var against = Enumerable.Range(0, Representatives).Count(i => choiceOf(i) == "against");
        var first = closed["results"]!["items"]![0]!;
        Assert.Equal((Representatives - against, against, 0), (first["for"]!.GetValue<int>(), first["against"]!.GetValue<int>(), first["abstain"]!.GetValue<int>()));
        Assert.Equal(Representatives, closed["results"]!["items"]![1]!["abstain"]!.GetValue<int>());
        Assert.Equal(Representatives, closed["results"]!["ballotsCast"]!.GetValue<int>());
        // Random ids (UUID version 4, no time in them), and all of them new once the close has rewritten the box.
        Assert.All(dropped.Concat(kept), id => Assert.Equal(4, id.Version));
        Assert.Equal(Representatives, kept.Count);
        Assert.Empty(dropped.Intersect(kept));
    }

    private async Task<List<Guid>> BallotIdsAsync(Guid poll)
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM congress.ballots WHERE poll_id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = poll });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    [Fact]
    public async Task Ballots_cast_while_the_vote_closes_are_either_counted_or_refused()
    {
        const int Representatives = 20;
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, Representatives);

        var votes = congress.Representatives.Select(r => congress.VoteAsync(r, motion, (1, "for"))).ToList();
        var closing = congress.Union.PostAsync($"{TestCongress.Api}/polls/{motion}/close");
        var answers = await Task.WhenAll(votes);
        await (await closing).ExpectJsonAsync();

        var poll = await (await congress.Union.GetAsync($"{TestCongress.Api}/polls/{motion}")).ExpectJsonAsync();
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.OK), poll["results"]!["items"]![0]!["for"]!.GetValue<int>());
        Assert.Equal(poll["votesCast"]!.GetValue<int>(), poll["results"]!["ballotsCast"]!.GetValue<int>());
    }
}
