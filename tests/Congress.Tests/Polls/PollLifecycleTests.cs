using Workforce.Congress.Polls;

namespace Workforce.Congress.Tests.Polls;

/// <summary>A vote goes draft → open → closed by its lifecycle table; any other step is refused naming what is allowed.</summary>
public sealed class PollLifecycleTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Each_step_out_of_turn_is_refused_with_the_current_status_and_the_steps_allowed_and_changes_nothing()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        await congress.OpenAsync();
        await congress.CheckInAsync(3);
        var motion = (await congress.AddMotionAsync(new { title = "关于食堂改造的议案" })).Id();
        var poll = $"{TestCongress.Api}/polls/{motion}";

        await Refused(await congress.Union.PostAsync($"{poll}/close"), "draft", ["open"]);
        await Refused(await congress.Union.PostAsync($"{poll}/paper-voters", new { representativeIds = new[] { congress.Representatives[0].RepresentativeId } }), "draft", ["open"]);
        Assert.Equal("open", (await congress.OpenPollAsync(motion)).Str("status"));
        await Refused(await congress.Union.PostAsync($"{poll}/open"), "open", ["markPaperVoters", "recordPaperCounts", "close"]);
        Assert.Equal("closed", (await congress.ClosePollAsync(motion)).Str("status"));
        await Refused(await congress.Union.PostAsync($"{poll}/open"), "closed", []);
        await Refused(await congress.Union.PostAsync($"{poll}/close"), "closed", []);

        var closed = await (await congress.Union.GetAsync(poll)).ExpectJsonAsync();
        Assert.Equal("closed", closed.Str("status"));
    }

    [Fact]
    public void The_table_leads_each_step_to_its_status()
    {
        Assert.Equal(PollStatus.Open, Poll.Lifecycle.Next(PollStatus.Draft, PollAction.Open));
        Assert.Equal(PollStatus.Open, Poll.Lifecycle.Next(PollStatus.Open, PollAction.RecordPaperCounts));
        Assert.Equal(PollStatus.Closed, Poll.Lifecycle.Next(PollStatus.Open, PollAction.Close));
        Assert.Empty(Poll.Lifecycle.AllowedFrom(PollStatus.Closed));
    }

    private static async Task Refused(HttpResponseMessage response, string status, string[] allowed)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode} {body}");
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(("transition_not_allowed", status), (problem.Str("code"), problem.Str("currentStatus")));
        Assert.Equal(allowed, problem["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
    }
}
