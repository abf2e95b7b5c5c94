namespace Workforce.Congress.Tests.Polls;

public sealed class ElectionAndEvaluationTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static async Task<(TestCongress Congress, Guid Poll)> OpenAsync(WorkforceApi api, int representatives, string kind, object body)
    {
        var congress = await TestCongress.CreateAsync(api, representatives);
        await congress.OpenAsync();
        await congress.CheckInAsync(representatives);
        var poll = await congress.Union.CreateAsync($"{congress.SessionUrl}/{kind}", body);
        await congress.OpenPollAsync(poll.Id());
        return (congress, poll.Id());
    }

    private static Dictionary<string, JsonNode> ByTitle(JsonNode poll) =>
        poll["results"]!["items"]!.AsArray().ToDictionary(i => i!.Str("title"), i => i!);

    [Fact]
    public async Task Candidates_need_a_majority_of_all_and_the_most_votes_for_the_seats()
    {
        var (congress, election) = await OpenAsync(api, 5, "elections", new
        {
            title = "选举职工董事", seats = 2, candidates = new[] { new { title = "王芳" }, new { title = "李强" }, new { title = "赵敏" } },
        });
        int[][] selections = [[1, 2], [1, 2], [1, 2], [1, 3], [3]];
        foreach (var (representative, selected) in congress.Representatives.Zip(selections))
        {
            await (await congress.VoteAsync(representative, election, selected.Select(s => (s, "selected")).ToArray())).ExpectJsonAsync();
        }

        var results = ByTitle(await congress.ClosePollAsync(election));

        Assert.Equal((4, true), (results["王芳"]["votes"]!.GetValue<int>(), results["王芳"]["elected"]!.GetValue<bool>()));
        Assert.Equal((3, true), (results["李强"]["votes"]!.GetValue<int>(), results["李强"]["elected"]!.GetValue<bool>()));
        Assert.Equal((2, false), (results["赵敏"]["votes"]!.GetValue<int>(), results["赵敏"]["elected"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Selecting_more_than_the_seats_is_refused_and_an_even_split_without_a_majority_elects_nobody()
    {
        var (congress, election) = await OpenAsync(api, 4, "elections", new
        {
            title = "选举职工监事", seats = 1, candidates = new[] { new { title = "王芳" }, new { title = "李强" } },
        });
        foreach (var representative in congress.Representatives)
        {
            await (await congress.VoteAsync(representative, election, (1, "selected"), (2, "selected"))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
            await (await congress.VoteAsync(representative, election, (representative == congress.Representatives[0] ? 1 : 2, "selected"))).ExpectJsonAsync();
        }
        var closed = await congress.ClosePollAsync(election);
        Assert.True(ByTitle(closed)["李强"]["elected"]!.GetValue<bool>());

        var split = await congress.Union.CreateAsync($"{congress.SessionUrl}/elections",
            new { title = "增补职工董事", seats = 1, candidates = new[] { new { title = "周杰" }, new { title = "吴桐" }, new { title = "郑和" } } });
        await congress.OpenPollAsync(split.Id());
        int[][] selections = [[1], [2], [1], [2]];
        foreach (var (representative, selected) in congress.Representatives.Zip(selections))
        {
            await (await congress.VoteAsync(representative, split.Id(), selected.Select(s => (s, "selected")).ToArray())).ExpectJsonAsync();
        }
        var even = await congress.ClosePollAsync(split.Id());

        // 2 of 4 is not more than half: neither has a majority, so neither is elected and there is no tie to settle.
        Assert.False(ByTitle(even)["周杰"]["elected"]!.GetValue<bool>());
        Assert.False(ByTitle(even)["周杰"]["tied"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Candidates_with_a_majority_tied_for_the_last_seat_are_reported()
    {
        var (congress, election) = await OpenAsync(api, 3, "elections", new
        {
            title = "选举职工董事", seats = 2, candidates = new[] { new { title = "王芳" }, new { title = "李强" }, new { title = "赵敏" } },
        });
        int[][] selections = [[1, 2], [1, 3], [2, 3]];
        foreach (var (representative, selected) in congress.Representatives.Zip(selections))
        {
            await (await congress.VoteAsync(representative, election, selected.Select(s => (s, "selected")).ToArray())).ExpectJsonAsync();
        }

        var closed = await congress.ClosePollAsync(election);

        Assert.All(ByTitle(closed).Values, c => Assert.True(c["tied"]!.GetValue<bool>()));
        Assert.All(ByTitle(closed).Values, c => Assert.False(c["elected"]!.GetValue<bool>()));
        Assert.Equal(2, closed["results"]!["undecidedSeats"]!.GetValue<int>());
    }

    [Fact]
    public async Task Evaluations_show_ratings_only_where_enough_representatives_answered()
    {
        var (congress, evaluation) = await OpenAsync(api, 5, "evaluations", new
        {
            title = "中层管理人员民主测评", managers = new[] { new { title = "陈刚", detail = "生产部部长" }, new { title = "刘洋", detail = "安全部部长" } },
        });
        string[] ratings = ["excellent", "excellent", "competent", "basicallyCompetent", "incompetent"];
        foreach (var (representative, rating) in congress.Representatives.Zip(ratings))
        {
            await (await congress.VoteAsync(representative, evaluation, (1, rating), (2, "competent"))).ExpectJsonAsync();
        }
        var shown = ByTitle(await congress.ClosePollAsync(evaluation));

        Assert.Equal((5, 2, 1, 1, 1), (shown["陈刚"]["respondents"]!.GetValue<int>(), shown["陈刚"]["excellent"]!.GetValue<int>(),
            shown["陈刚"]["competent"]!.GetValue<int>(), shown["陈刚"]["basicallyCompetent"]!.GetValue<int>(), shown["陈刚"]["incompetent"]!.GetValue<int>()));

        var small = await congress.Union.CreateAsync($"{congress.SessionUrl}/evaluations",
            new { title = "班组长测评", minRespondents = 6, managers = new[] { new { title = "孙磊" } } });
        await congress.OpenPollAsync(small.Id());
        foreach (var representative in congress.Representatives)
        {
            await (await congress.VoteAsync(representative, small.Id(), (1, "competent"))).ExpectJsonAsync();
        }
        var hidden = ByTitle(await congress.ClosePollAsync(small.Id()))["孙磊"];

        Assert.True(hidden["suppressed"]!.GetValue<bool>());
        Assert.Null(hidden["competent"]);
        Assert.Equal(5, hidden["respondents"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_evaluation_rates_every_manager()
    {
        var (congress, evaluation) = await OpenAsync(api, 1, "evaluations", new { title = "民主测评", managers = new[] { new { title = "陈刚" }, new { title = "刘洋" } } });

        var response = await congress.VoteAsync(congress.Representatives[0], evaluation, (1, "excellent"));

        await response.ExpectInvalidFieldsAsync("choices");
    }
}
