using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Security;
using Workforce.BuildingBlocks.Time;

namespace Workforce.Directory.Tests.Calendar;

/// <summary>BuildingBlocks' calendar, as any module gets it: from Directory, and anew once Directory changes it.</summary>
public sealed class EnterpriseCalendarTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    // 02:00 UTC on 1 March: 10:00 that day in Shanghai, 21:00 on 28 February in New York.
    private static readonly DateTimeOffset Moment = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private async Task<WorkCalendar> CalendarOf(Guid tenant)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem(tenant);
        return await scope.ServiceProvider.GetRequiredService<EnterpriseCalendar>().OwnAsync(CancellationToken.None);
    }

    private static async Task MoveToAsync(TestEnterprise enterprise, string zone)
    {
        var url = $"/api/v1/directory/organisations/{enterprise.Id}";
        var current = await enterprise.Client.GetAsync(url);
        var name = (await current.ExpectJsonAsync()).Str("name");
        await (await enterprise.Client.PutAsync(url, new { name, timeZone = zone }, current.ETag())).ExpectJsonAsync();
    }

    [Fact]
    public async Task An_enterprise_that_set_no_zone_counts_its_days_in_Shanghai()
    {
        var enterprise = await api.NewEnterpriseAsync();

        using (api.Clock.At(Moment))
        {
            var calendar = await CalendarOf(enterprise.Id);
            Assert.Equal("Asia/Shanghai", calendar.Rules.TimeZone);
            Assert.Equal(new DateOnly(2026, 3, 1), calendar.Today);
        }
    }

    [Fact]
    public async Task The_zone_Directory_keeps_moves_today_and_the_end_of_a_day_and_is_seen_as_soon_as_it_changes()
    {
        var enterprise = await api.NewEnterpriseAsync();
        Assert.Equal("Asia/Shanghai", (await CalendarOf(enterprise.Id)).Rules.TimeZone);

        await MoveToAsync(enterprise, "America/New_York");

        using (api.Clock.At(Moment))
        {
            var calendar = await CalendarOf(enterprise.Id);
            Assert.Equal(new DateOnly(2026, 2, 28), calendar.Today);
            Assert.Equal(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), calendar.EndOf(calendar.Today));
        }
    }

    [Fact]
    public async Task Holidays_and_make_up_working_days_are_seen_as_soon_as_the_enterprise_sets_them()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var before = await CalendarOf(enterprise.Id);
        Assert.Equal(new DateOnly(2026, 10, 2), before.AddWorkingDays(new DateOnly(2026, 9, 30), 2));

        await (await enterprise.Client.PutAsync("/api/v1/directory/calendar", new
        {
            restDays = new[] { "saturday", "sunday" },
            days = Enumerable.Range(1, 7).Select(day => (object)new { date = $"2026-10-0{day}", kind = "holiday", name = "国庆节" })
                .Append(new { date = "2026-10-10", kind = "workday", name = "国庆节调休" }).ToArray(),
        }, "\"0\"")).ExpectJsonAsync();

        var after = await CalendarOf(enterprise.Id);
        Assert.Equal(new DateOnly(2026, 10, 9), after.AddWorkingDays(new DateOnly(2026, 9, 30), 2));
        Assert.Equal(new DateOnly(2026, 10, 10), after.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(4, after.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 12)));
    }

    [Fact]
    public async Task A_change_that_is_refused_leaves_the_calendar_as_it_was()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var before = await CalendarOf(enterprise.Id);

        await (await enterprise.Client.PutAsync("/api/v1/directory/calendar", new { restDays = new[] { "monday" }, days = Array.Empty<object>() }, "\"5\""))
            .ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");

        Assert.Same(before, await CalendarOf(enterprise.Id));
    }
}
