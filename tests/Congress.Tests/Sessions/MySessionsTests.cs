using System.Text.Json.Nodes;

namespace Workforce.Congress.Tests.Sessions;

public sealed class MySessionsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_representative_sees_a_planned_session_of_their_term_and_then_follows_it_once_open()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        var representative = congress.Representatives[0].Client;
        var worker = await congress.Enterprise.RegisterWorkerAsync();
        var colleague = await api.NewUserAsync(congress.Union, "representative", congress.Enterprise.Id, worker.Id());

        var whilePlanned = Assert.Single(await MySessionsAsync(representative))!;
        var plannedDetail = await (await representative.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}")).ExpectJsonAsync();
        var colleagueSees = await MySessionsAsync(colleague);
        var colleagueDetail = await colleague.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}");
        await congress.OpenAsync();
        await congress.CheckInAsync(1);
        var whileOpen = Assert.Single(await MySessionsAsync(representative))!;

        Assert.Equal(congress.SessionId, whilePlanned.Id());
        Assert.Equal("planned", whilePlanned.Str("status"));
        Assert.False(whilePlanned["checkedIn"]!.GetValue<bool>());
        Assert.Equal("planned", plannedDetail["session"]!.Str("status"));
        Assert.Empty(plannedDetail["polls"]!.AsArray());
        Assert.Empty(colleagueSees);
        await colleagueDetail.ExpectProblemAsync(HttpStatusCode.Forbidden, "not_on_roster");
        Assert.Equal("open", whileOpen.Str("status"));
        Assert.True(whileOpen["checkedIn"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_representative_appointed_after_a_session_opened_sees_the_next_planned_one_but_not_that_one()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var worker = await congress.Enterprise.RegisterWorkerAsync();
        await congress.Union.CreateAsync($"/api/v1/directory/terms/{congress.TermId}/representatives", new { workerId = worker.Id(), delegationGroup = "第一代表团" });
        var late = await api.NewUserAsync(congress.Union, "representative", congress.Enterprise.Id, worker.Id());
        var next = await congress.Union.CreateAsync($"{TestCongress.Api}/sessions", new
        {
            termId = congress.TermId, number = 3, kind = "specialTopic", mode = "online",
            heldOn = DateOnly.FromDateTime(DateTime.Today).AddDays(30).ToString("yyyy-MM-dd"),
        });

        var lateSees = await MySessionsAsync(late);
        var earlySees = await MySessionsAsync(congress.Representatives[0].Client);

        Assert.Equal([next.Id()], lateSees.Select(s => s!.Id()));
        Assert.Equal([next.Id(), congress.SessionId], earlySees.Select(s => s!.Id()));
    }

    private static async Task<JsonArray> MySessionsAsync(Caller representative) =>
        (await (await representative.GetAsync($"{TestCongress.Api}/my/sessions")).ExpectJsonAsync()).AsArray();
}
