namespace Workforce.Proposals.Tests.Lifecycle;

/// <summary>Deadlines and overdue proposals by the enterprise's clock (Asia/Shanghai, UTC+8), across a month end.</summary>
public sealed class DeadlineTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Theory]
    // 23:30 on 31 January in Shanghai is still 31 January in UTC: due 30 days later, on 2 March.
    [InlineData("2026-01-31T23:30:00+08:00", "2026-03-02", "2026-03-02T16:00:00Z")]
    // 00:30 on 1 February in Shanghai is 31 January in UTC: the enterprise's day counts, so due on 3 March.
    [InlineData("2026-02-01T00:30:00+08:00", "2026-03-03", "2026-03-03T16:00:00Z")]
    public async Task The_deadline_is_counted_in_days_of_the_enterprise_and_ends_at_its_midnight(string assignedAt, string dueOn, string overdueFrom)
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = await scenario.ProposalAtAsync("accepted");
        try
        {
            api.Clock.Now = DateTimeOffset.Parse(assignedAt);
            var assigned = await scenario.DoAsync(id, "assign");

            Assert.Equal(dueOn, assigned.Str("dueOn"));
            Assert.Equal(DateTimeOffset.Parse(overdueFrom), assigned["dueAt"]!.GetValue<DateTimeOffset>());
        }
        finally
        {
            api.Clock.Now = null;
        }
    }

    [Fact]
    public async Task A_proposal_is_overdue_from_the_midnight_after_its_last_day_listed_and_reminded_once_a_day()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var late = await scenario.ProposalAtAsync("accepted");
        var answered = await scenario.ProposalAtAsync("accepted");
        var overdueList = $"{ProposalScenario.Api}/proposals?overdue=true";
        async Task<Guid[]> OverdueAsync(Caller caller) =>
            (await (await caller.GetAsync(overdueList)).ExpectJsonAsync())["items"]!.AsArray().Select(p => p!.Id()).ToArray();
        async Task<int> RemindAsync() =>
            (await (await scenario.Union.PostAsync($"{ProposalScenario.Api}/overdue-reminders")).ExpectJsonAsync())["reminded"]!.GetValue<int>();
        try
        {
            api.Clock.Now = Shanghai(2026, 1, 20, 10, 0);
            await scenario.DoAsync(late, "assign");
            await scenario.DoAsync(answered, "assign");
            api.Clock.Now = Shanghai(2026, 2, 19, 9, 0);
            await scenario.DoAsync(answered, "answer");

            api.Clock.Now = Shanghai(2026, 2, 19, 23, 59, 59);
            Assert.Empty(await OverdueAsync(scenario.Union));
            Assert.Equal(0, await RemindAsync());
            Assert.False((await (await scenario.Union.GetAsync(ProposalScenario.Url(late))).ExpectJsonAsync())["overdue"]!.GetValue<bool>());

            api.Clock.Now = Shanghai(2026, 2, 20, 0, 0);
            Assert.Equal([late], await OverdueAsync(scenario.Union));
            Assert.Equal([late], await OverdueAsync(scenario.Production.Handler));
            Assert.Empty(await OverdueAsync(scenario.Training.Handler));
            Assert.True((await (await scenario.Union.GetAsync(ProposalScenario.Url(late))).ExpectJsonAsync())["overdue"]!.GetValue<bool>());
            Assert.Equal(1, await RemindAsync());
            api.Clock.Now = Shanghai(2026, 2, 20, 23, 0);
            Assert.Equal(0, await RemindAsync());
            api.Clock.Now = Shanghai(2026, 2, 21, 0, 5);
            Assert.Equal(1, await RemindAsync());
        }
        finally
        {
            api.Clock.Now = null;
        }

        var feed = await (await scenario.Union.GetAsync("/api/v1/events?limit=200")).ExpectJsonAsync();
        var reminders = feed["items"]!.AsArray().Where(e => e!.Str("type") == "proposals.proposal.overdue").ToList();
        Assert.Equal([late, late], reminders.Select(e => e!["entityId"]!.GetValue<Guid>()));
        Assert.Equal([1, 2], reminders.Select(e => e!["data"]!["daysOverdue"]!.GetValue<int>()));
        Assert.All(reminders, e => Assert.Equal(("2026-02-19", scenario.Production.Id), (e!["data"]!.Str("dueOn"), e["data"]!["leadUnitId"]!.GetValue<Guid>())));
    }
}
