namespace Workforce.Congress.Tests.Ballots;

public sealed class PaperBallotTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string Poll(Guid id) => $"{TestCongress.Api}/polls/{id}";

    [Fact]
    public async Task Totals_combine_online_and_paper_ballots()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 6);
        var reps = congress.Representatives;
        await (await congress.VoteAsync(reps[0], motion, (1, "for"))).ExpectJsonAsync();
        await (await congress.VoteAsync(reps[1], motion, (1, "for"))).ExpectJsonAsync();
        await (await congress.VoteAsync(reps[2], motion, (1, "against"))).ExpectJsonAsync();

        var marked = await (await congress.Union.PostAsync($"{Poll(motion)}/paper-voters",
            new { representativeIds = new[] { reps[3].RepresentativeId, reps[4].RepresentativeId, reps[5].RepresentativeId } })).ExpectJsonAsync();
        await (await congress.Union.PutAsync($"{Poll(motion)}/paper-counts",
            new { counts = new[] { new { item = 1, choice = "for", count = 2 }, new { item = 1, choice = "abstain", count = 1 } } })).ExpectJsonAsync();
        var closed = await congress.ClosePollAsync(motion);

        Assert.Equal(3, marked["paperVotersInAll"]!.GetValue<int>());
        var results = closed["results"]!;
        Assert.Equal((6, 3, 3), (results["ballotsCast"]!.GetValue<int>(), results["onlineBallots"]!.GetValue<int>(), results["paperBallots"]!.GetValue<int>()));
        var item = results["items"]![0]!;
        Assert.Equal((4, 1, 1), (item["for"]!.GetValue<int>(), item["against"]!.GetValue<int>(), item["abstain"]!.GetValue<int>()));
        Assert.True(item["passed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Nobody_votes_both_online_and_on_paper()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);
        var reps = congress.Representatives;
        await (await congress.VoteAsync(reps[0], motion, (1, "for"))).ExpectJsonAsync();
        await (await congress.Union.PostAsync($"{Poll(motion)}/paper-voters", new { representativeIds = new[] { reps[1].RepresentativeId } })).ExpectJsonAsync();

        var onlineThenPaper = await congress.Union.PostAsync($"{Poll(motion)}/paper-voters",
            new { representativeIds = new[] { reps[2].RepresentativeId, reps[0].RepresentativeId } });
        var paperThenOnline = await congress.VoteAsync(reps[1], motion, (1, "against"));

        var problem = await onlineThenPaper.ExpectProblemAsync(HttpStatusCode.Conflict, "paper_voters_refused");
        Assert.Equal(["representativeIds[1]"], problem.Errors!.Keys);
        await paperThenOnline.ExpectProblemAsync(HttpStatusCode.Conflict, "already_voted");
        var poll = await (await congress.Union.GetAsync(Poll(motion))).ExpectJsonAsync();
        Assert.Equal(2, poll["votesCast"]!.GetValue<int>());
    }

    [Fact]
    public async Task Paper_counts_cannot_exceed_the_paper_ballots()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);
        await (await congress.Union.PostAsync($"{Poll(motion)}/paper-voters", new { representativeIds = new[] { congress.Representatives[0].RepresentativeId } })).ExpectJsonAsync();

        var tooMany = await congress.Union.PutAsync($"{Poll(motion)}/paper-counts",
            new { counts = new[] { new { item = 1, choice = "for", count = 1 }, new { item = 1, choice = "against", count = 1 } } });
        var closing = await congress.Union.PostAsync($"{Poll(motion)}/close");

        await tooMany.ExpectInvalidFieldsAsync("counts[0].count");
        await closing.ExpectProblemAsync(HttpStatusCode.Conflict, "paper_counts_missing");
    }

    [Fact]
    public async Task An_online_session_has_no_paper_ballots()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3, mode: "online");
        await congress.OpenAsync();
        await congress.CheckInAsync(3);
        var motion = (await congress.AddMotionAsync(new { title = "关于职工疗休养的议案" })).Id();
        await congress.OpenPollAsync(motion);

        var response = await congress.Union.PostAsync($"{Poll(motion)}/paper-voters", new { representativeIds = new[] { congress.Representatives[0].RepresentativeId } });

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "online_session");
    }
}
