namespace Workforce.Congress.Tests.Attendance;

public sealed class TurnoutTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Turnout_counts_each_opened_session_of_the_period_by_channel_against_its_quorum()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 6);
        await congress.OpenAsync();
        await congress.CheckInAsync(3);
        await (await congress.Union.PostAsync($"{congress.SessionUrl}/check-ins",
            new { representativeId = congress.Representatives[3].RepresentativeId, channel = "onSite" })).ExpectJsonAsync();
        var today = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd");
        await congress.Union.CreateAsync($"{TestCongress.Api}/sessions",
            new { termId = congress.TermId, number = 3, kind = "specialTopic", mode = "online", heldOn = today });

        var turnout = await (await congress.Union.GetAsync($"{TestCongress.Api}/turnout?from={today}&to={today}")).ExpectJsonAsync();
        var session = turnout["sessions"]!.AsArray().Single()!;

        Assert.Equal(congress.SessionId, session["sessionId"]!.GetValue<Guid>());
        Assert.Equal((6, 4, 3), (session["rosterSize"]!.GetValue<int>(), session["present"]!.GetValue<int>(), session["online"]!.GetValue<int>()));
        Assert.Equal((5, false), (session["quorumNeeded"]!.GetValue<int>(), session["quorate"]!.GetValue<bool>()));
        Assert.Equal(0.6667, session["rate"]!.GetValue<double>());
        Assert.Equal("open", session.Str("status"));
    }

    [Fact]
    public async Task Turnout_is_of_this_year_unless_asked_and_refuses_a_period_ending_before_it_starts()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        await congress.CheckInAsync(2);

        var thisYear = await (await congress.Union.GetAsync($"{TestCongress.Api}/turnout")).ExpectJsonAsync();
        var longAgo = await (await congress.Union.GetAsync($"{TestCongress.Api}/turnout?from=2000-01-01&to=2000-12-31")).ExpectJsonAsync();
        var backwards = await congress.Union.GetAsync($"{TestCongress.Api}/turnout?from=2026-02-01&to=2026-01-01");

        Assert.Equal($"{DateTime.Today.Year}-01-01", thisYear.Str("from"));
        Assert.True(thisYear["sessions"]!.AsArray().Single()!["quorate"]!.GetValue<bool>());
        Assert.Empty(longAgo["sessions"]!.AsArray());
        await backwards.ExpectInvalidFieldsAsync("to");
    }
}
