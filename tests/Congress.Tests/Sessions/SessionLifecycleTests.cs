namespace Workforce.Congress.Tests.Sessions;

public sealed class SessionLifecycleTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_session_is_named_after_its_term_and_opened_with_its_roster_fixed()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        var planned = await (await congress.Union.GetAsync(congress.SessionUrl)).ExpectJsonAsync();
        Assert.Equal("第三届职工代表大会第二次会议", planned.Str("name"));
        Assert.Equal("planned", planned.Str("status"));

        var opened = await congress.OpenAsync();
        var late = await congress.Enterprise.RegisterWorkerAsync();
        await congress.Union.CreateAsync($"/api/v1/directory/terms/{congress.TermId}/representatives", new { workerId = late.Id(), delegationGroup = "第一代表团" });

        Assert.Equal("open", opened.Str("status"));
        Assert.Equal(3, opened["rosterSize"]!.GetValue<int>());
        var attendance = await (await congress.Union.GetAsync($"{congress.SessionUrl}/attendance")).ExpectJsonAsync();
        Assert.Equal(congress.Representatives.Select(r => r.RepresentativeId).Order(),
            attendance["representatives"]!.AsArray().Select(r => r!["representativeId"]!.GetValue<Guid>()).Order());
    }

    [Fact]
    public async Task A_session_of_an_unknown_term_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync($"{TestCongress.Api}/sessions",
            new { termId = Guid.NewGuid(), number = 1, kind = "regular", mode = "online", heldOn = "2026-03-01" });

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
    }

    [Fact]
    public async Task A_term_without_serving_representatives_cannot_open_a_session()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var term = await enterprise.CreateTermAsync();
        var session = await enterprise.Client.CreateAsync($"{TestCongress.Api}/sessions",
            new { termId = term.Id(), number = 1, kind = "specialTopic", mode = "offline", heldOn = "2026-03-01" });

        var response = await enterprise.Client.PostAsync($"{TestCongress.Api}/sessions/{session.Id()}/open", null, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "roster_empty");
    }

    [Fact]
    public async Task A_session_closes_only_when_its_votes_are_closed_and_is_archived_after()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);

        await (await congress.CloseAsync()).ExpectProblemAsync(HttpStatusCode.Conflict, "votes_open");
        await congress.ClosePollAsync(motion);
        var closed = await (await congress.CloseAsync()).ExpectJsonAsync();
        var archived = await (await congress.Union.PostAsync($"{congress.SessionUrl}/archive", null, $"\"{closed["version"]}\"")).ExpectJsonAsync();
        var again = await congress.CloseAsync();

        Assert.Equal("closed", closed.Str("status"));
        Assert.Equal("archived", archived.Str("status"));
        await again.ExpectProblemAsync(HttpStatusCode.Conflict, "session_archived");
    }

    [Fact]
    public async Task Opening_needs_the_version_last_read()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1);

        var stale = await congress.Union.PostAsync($"{congress.SessionUrl}/open", null, "\"7\"");

        await stale.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task Opening_and_closing_stamp_the_server_s_clock()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        var moment = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);

        using (api.Clock.At(moment))
        {
            var opened = await congress.OpenAsync();

            Assert.Equal(moment, opened["openedAt"]!.GetValue<DateTimeOffset>());
            Assert.Equal(moment, opened["updatedAt"]!.GetValue<DateTimeOffset>());
        }
    }

    [Fact]
    public async Task A_session_s_creation_stamp_left_to_its_column_default_is_the_server_s_clock()
    {
        var moment = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);

        using (api.Clock.At(moment))
        {
            var congress = await TestCongress.CreateAsync(api, representatives: 1);
            var session = await (await congress.Union.GetAsync(congress.SessionUrl)).ExpectJsonAsync();

            Assert.Equal(moment, session["createdAt"]!.GetValue<DateTimeOffset>());
        }
    }
}
