namespace Workforce.Congress.Tests.Attendance;

public sealed class CheckInTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static async Task<JsonNode> AttendanceAsync(TestCongress congress) =>
        await (await congress.Union.GetAsync($"{congress.SessionUrl}/attendance")).ExpectJsonAsync();

    [Fact]
    public async Task Quorum_is_more_than_two_thirds_of_the_whole_roster()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 6);
        await congress.OpenAsync();

        await congress.CheckInAsync(4);
        var atTwoThirds = await AttendanceAsync(congress);
        await (await congress.Representatives[4].Client.PostAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}/check-in")).ExpectJsonAsync();
        var overTwoThirds = await AttendanceAsync(congress);

        Assert.Equal(4, atTwoThirds["present"]!.GetValue<int>());
        Assert.Equal(5, atTwoThirds["quorumNeeded"]!.GetValue<int>());
        Assert.False(atTwoThirds["quorate"]!.GetValue<bool>());
        Assert.True(overTwoThirds["quorate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_representative_checks_in_once()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var url = $"{TestCongress.Api}/my/sessions/{congress.SessionId}/check-in";

        var first = await (await congress.Representatives[0].Client.PostAsync(url)).ExpectJsonAsync();
        var second = await congress.Representatives[0].Client.PostAsync(url);

        Assert.Equal("online", first.Str("channel"));
        await second.ExpectProblemAsync(HttpStatusCode.Conflict, "already_checked_in");
        Assert.Equal(1, (await AttendanceAsync(congress))["present"]!.GetValue<int>());
    }

    [Fact]
    public async Task Staff_record_check_ins_on_site_with_their_channel()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2, mode: "offline");
        await congress.OpenAsync();

        await (await congress.Union.PostAsync($"{congress.SessionUrl}/check-ins",
            new { representativeId = congress.Representatives[1].RepresentativeId, channel = "paperSheet" })).ExpectJsonAsync();
        var view = await (await congress.Representatives[0].Client.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}")).ExpectJsonAsync();
        var online = await congress.Representatives[0].Client.PostAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}/check-in");
        var stranger = await congress.Union.PostAsync($"{congress.SessionUrl}/check-ins", new { representativeId = Guid.NewGuid(), channel = "onSite" });

        Assert.False(view["onlineCheckInOpen"]!.GetValue<bool>());
        await online.ExpectProblemAsync(HttpStatusCode.Conflict, "online_check_in_closed");
        await stranger.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        var entries = (await AttendanceAsync(congress))["representatives"]!.AsArray();
        Assert.Equal("paperSheet", entries.Single(e => e!["representativeId"]!.GetValue<Guid>() == congress.Representatives[1].RepresentativeId)!.Str("channel"));
        Assert.Null(entries.Single(e => e!["representativeId"]!.GetValue<Guid>() == congress.Representatives[0].RepresentativeId)!["channel"]);
    }

    [Fact]
    public async Task Online_check_in_waits_for_an_open_online_check_in_step()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1);
        var agenda = await (await congress.Union.PutAsync($"{congress.SessionUrl}/agenda", new
        {
            steps = new[] { new { kind = "checkIn", channel = "online", startsAt = DateTimeOffset.Now, endsAt = DateTimeOffset.Now.AddHours(1) } },
        }, "\"1\"")).ExpectJsonAsync();
        await congress.OpenAsync();
        var url = $"{TestCongress.Api}/my/sessions/{congress.SessionId}/check-in";
        var representative = congress.Representatives[0].Client;
        async Task<bool> CheckInShownOpenAsync() =>
            (await (await representative.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}")).ExpectJsonAsync())["onlineCheckInOpen"]!.GetValue<bool>();

        var shownEarly = await CheckInShownOpenAsync();
        var early = await representative.PostAsync(url);
        await (await congress.Union.PostAsync($"{congress.SessionUrl}/agenda/{agenda[0]!.Id()}/open")).ExpectJsonAsync();
        var shownOnTime = await CheckInShownOpenAsync();
        var onTime = await representative.PostAsync(url);

        Assert.False(shownEarly);
        await early.ExpectProblemAsync(HttpStatusCode.Conflict, "online_check_in_closed");
        Assert.True(shownOnTime);
        await onTime.ExpectJsonAsync();
    }

    [Fact]
    public async Task A_representative_appointed_after_the_session_opened_is_not_on_its_roster()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1);
        await congress.OpenAsync();
        var worker = await congress.Enterprise.RegisterWorkerAsync();
        await congress.Union.CreateAsync($"/api/v1/directory/terms/{congress.TermId}/representatives", new { workerId = worker.Id(), delegationGroup = "第一代表团" });
        var late = await api.NewUserAsync(congress.Union, "representative", congress.Enterprise.Id, worker.Id());

        var response = await late.PostAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}/check-in");

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "not_on_roster");
    }
}
