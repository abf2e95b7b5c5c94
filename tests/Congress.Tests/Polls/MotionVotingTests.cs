namespace Workforce.Congress.Tests.Polls;

public sealed class MotionVotingTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static JsonNode Item(JsonNode poll, int number) => poll["results"]!["items"]!.AsArray().Single(i => i!["number"]!.GetValue<int>() == number)!;

    private static async Task VoteAllAsync(TestCongress congress, Guid poll, params string[] choices)
    {
        for (var i = 0; i < choices.Length; i++)
        {
            await (await congress.VoteAsync(congress.Representatives[i], poll, (1, choices[i]))).ExpectJsonAsync();
        }
    }

    [Fact]
    public async Task A_motion_needs_more_than_half_of_all_representatives_not_of_those_present()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 6);
        await congress.OpenAsync();
        await congress.CheckInAsync(5);
        var motion = (await congress.AddMotionAsync(new { title = "关于调整夜班津贴的议案" })).Id();
        await congress.OpenPollAsync(motion);

        await VoteAllAsync(congress, motion, "for", "for", "for", "against", "abstain");
        var closed = await congress.ClosePollAsync(motion);

        var item = Item(closed, 1);
        Assert.Equal((3, 1, 1), (item["for"]!.GetValue<int>(), item["against"]!.GetValue<int>(), item["abstain"]!.GetValue<int>()));
        Assert.False(item["passed"]!.GetValue<bool>());
        Assert.Equal(6, closed["results"]!["rosterSize"]!.GetValue<int>());
        Assert.Equal(5, closed["results"]!["ballotsCast"]!.GetValue<int>());
        Assert.Contains("6", closed["results"]!.Str("rule"));
    }

    [Fact]
    public async Task A_motion_passes_with_more_than_half_of_all()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 6);

        await VoteAllAsync(congress, motion, "for", "for", "for", "for", "against");
        var closed = await congress.ClosePollAsync(motion);

        Assert.True(Item(closed, 1)["passed"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public async Task A_special_matter_needs_two_thirds_of_all(int inFavour, bool passes)
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 6,
            motion: new { title = "关于企业改制职工安置方案的议案", passRule = "twoThirdsOfAll" });

        await VoteAllAsync(congress, motion, [.. Enumerable.Repeat("for", inFavour), .. Enumerable.Repeat("against", 6 - inFavour)]);
        var closed = await congress.ClosePollAsync(motion);

        Assert.Equal(passes, Item(closed, 1)["passed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Each_item_of_an_itemised_motion_is_decided_on_its_own()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3, motion: new
        {
            title = "关于《集体合同》的分项表决",
            items = new[] { new { title = "工资调整" }, new { title = "工时制度" }, new { title = "劳动保护" } },
        });

        foreach (var representative in congress.Representatives)
        {
            await (await congress.VoteAsync(representative, motion, (1, "for"), (2, "against"), (3, representative == congress.Representatives[0] ? "abstain" : "for"))).ExpectJsonAsync();
        }
        var closed = await congress.ClosePollAsync(motion);

        Assert.True(closed["itemised"]!.GetValue<bool>());
        Assert.Equal([true, false, true], closed["results"]!["items"]!.AsArray().Select(i => i!["passed"]!.GetValue<bool>()));
        Assert.Equal(3, Item(closed, 2)["against"]!.GetValue<int>());
        Assert.Equal(1, Item(closed, 3)["abstain"]!.GetValue<int>());
    }

    [Fact]
    public async Task No_vote_opens_without_quorum()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        await congress.OpenAsync();
        await congress.CheckInAsync(2);
        var motion = await congress.AddMotionAsync(new { title = "关于厂务公开实施细则的议案" });

        var response = await congress.Union.PostAsync($"{TestCongress.Api}/polls/{motion.Id()}/open");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "no_quorum");
        Assert.Contains("2 of 3", problem.Detail);
    }

    [Fact]
    public async Task A_representative_votes_once()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);

        await (await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"))).ExpectJsonAsync();
        var again = await congress.VoteAsync(congress.Representatives[0], motion, (1, "against"));

        await again.ExpectProblemAsync(HttpStatusCode.Conflict, "already_voted");
        var poll = await (await congress.Union.GetAsync($"{TestCongress.Api}/polls/{motion}")).ExpectJsonAsync();
        Assert.Equal(1, poll["votesCast"]!.GetValue<int>());
    }

    [Fact]
    public async Task Turnout_shows_while_voting_and_results_only_once_closed()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);
        await (await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"))).ExpectJsonAsync();

        var open = await (await congress.Union.GetAsync($"{TestCongress.Api}/polls/{motion}")).ExpectJsonAsync();

        Assert.Equal("open", open.Str("status"));
        Assert.Equal(1, open["votesCast"]!.GetValue<int>());
        Assert.Equal(3, open["rosterSize"]!.GetValue<int>());
        Assert.Null(open["results"]);
    }

    [Fact]
    public async Task Nobody_votes_before_the_vote_opens_or_after_it_closes()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        await congress.OpenAsync();
        await congress.CheckInAsync(3);
        var motion = (await congress.AddMotionAsync(new { title = "关于食堂改造的议案" })).Id();

        var early = await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"));
        await congress.OpenPollAsync(motion);
        await congress.ClosePollAsync(motion);
        var late = await congress.VoteAsync(congress.Representatives[1], motion, (1, "for"));

        await early.ExpectProblemAsync(HttpStatusCode.Conflict, "poll_not_open");
        await late.ExpectProblemAsync(HttpStatusCode.Conflict, "poll_not_open");
    }

    [Fact]
    public async Task An_incomplete_or_foreign_ballot_is_refused_and_nothing_is_marked()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3, motion: new
        {
            title = "关于两项制度的分项表决", items = new[] { new { title = "考勤制度" }, new { title = "休假制度" } },
        });

        var missing = await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"));
        var wrongWord = await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"), (2, "selected"));
        var noSuchItem = await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"), (3, "for"));
        var union = await congress.Union.PostAsync($"{TestCongress.Api}/my/polls/{motion}/ballot", new { choices = new[] { new { item = 1, choice = "for" } } });

        await missing.ExpectInvalidFieldsAsync("choices");
        await wrongWord.ExpectInvalidFieldsAsync("choices[1].choice");
        await noSuchItem.ExpectInvalidFieldsAsync("choices[1].item");
        await union.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var poll = await (await congress.Union.GetAsync($"{TestCongress.Api}/polls/{motion}")).ExpectJsonAsync();
        Assert.Equal(0, poll["votesCast"]!.GetValue<int>());
        await (await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"), (2, "abstain"))).ExpectJsonAsync();
    }
}
