namespace Workforce.Congress.Tests.Sessions;

public sealed class AgendaTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static object Step(string kind, string channel, int hour) => new
    {
        kind, channel, startsAt = new DateTimeOffset(2026, 3, 1, hour, 0, 0, TimeSpan.FromHours(8)), endsAt = new DateTimeOffset(2026, 3, 1, hour, 45, 0, TimeSpan.FromHours(8)),
    };

    [Fact]
    public async Task A_hybrid_agenda_mixes_online_and_offline_steps_in_the_order_given()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1);

        var agenda = await (await congress.Union.PutAsync($"{congress.SessionUrl}/agenda",
            new { steps = new[] { Step("checkIn", "online", 8), Step("groupDiscussion", "offline", 9), Step("motionVote", "online", 13) } }, "\"1\"")).ExpectJsonAsync();

        Assert.Equal(["代表签到", "分组讨论", "议题表决"], agenda.AsArray().Select(s => s!.Str("title")));
        Assert.Equal(["online", "offline", "online"], agenda.AsArray().Select(s => s!.Str("channel")));
        Assert.All(agenda.AsArray(), s => Assert.Equal("pending", s!.Str("status")));
    }

    [Fact]
    public async Task An_online_session_has_no_offline_steps()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1, mode: "online");

        var response = await congress.Union.PutAsync($"{congress.SessionUrl}/agenda", new { steps = new[] { Step("checkIn", "online", 8), Step("groupDiscussion", "offline", 9) } }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("steps[1].channel");
        Assert.Empty((await (await congress.Union.GetAsync($"{congress.SessionUrl}/agenda")).ExpectJsonAsync()).AsArray());
    }

    [Fact]
    public async Task A_step_ending_before_it_starts_is_refused()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1);

        var response = await congress.Union.PutAsync($"{congress.SessionUrl}/agenda",
            new { steps = new[] { new { kind = "checkIn", channel = "online", startsAt = "2026-03-01T10:00:00+08:00", endsAt = "2026-03-01T09:00:00+08:00" } } }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("steps[0].endsAt");
    }

    [Fact]
    public async Task Steps_open_and_close_only_while_the_session_is_open()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1);
        var agenda = await (await congress.Union.PutAsync($"{congress.SessionUrl}/agenda", new { steps = new[] { Step("checkIn", "online", 8) } }, "\"1\"")).ExpectJsonAsync();
        var step = $"{congress.SessionUrl}/agenda/{agenda[0]!.Id()}";

        await (await congress.Union.PostAsync($"{step}/open")).ExpectProblemAsync(HttpStatusCode.Conflict, "session_planned");
        await congress.OpenAsync();
        var opened = await (await congress.Union.PostAsync($"{step}/open")).ExpectJsonAsync();
        var closed = await (await congress.Union.PostAsync($"{step}/close")).ExpectJsonAsync();
        var reopened = await congress.Union.PostAsync($"{step}/open");
        var recomposed = await congress.Union.PutAsync($"{congress.SessionUrl}/agenda", new { steps = Array.Empty<object>() }, "\"3\"");

        Assert.Equal("open", opened.Str("status"));
        Assert.Equal("closed", closed.Str("status"));
        await reopened.ExpectProblemAsync(HttpStatusCode.Conflict, "step_closed");
        await recomposed.ExpectProblemAsync(HttpStatusCode.Conflict, "session_open");
    }
}
