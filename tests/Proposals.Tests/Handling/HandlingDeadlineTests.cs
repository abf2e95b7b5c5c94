using Workforce.BuildingBlocks.Time;
using Workforce.Proposals.Handling;

namespace Workforce.Proposals.Tests.Handling;

public sealed class HandlingDeadlineTests
{
    private static readonly WorkCalendar Shanghai = In("Asia/Shanghai");

    private static WorkCalendar In(string zone) => new(new CalendarRules(zone, [], []), TimeProvider.System);

    [Fact]
    public void Assigned_late_on_the_last_of_January_in_Shanghai_it_is_due_thirty_Shanghai_days_later_across_the_month_end()
    {
        // 23:30 on 31 January in Shanghai is still 31 January there, though 15:30 UTC.
        var (dueOn, overdueFrom) = HandlingDeadline.From(new DateTimeOffset(2026, 1, 31, 15, 30, 0, TimeSpan.Zero), 30, Shanghai);

        Assert.Equal(new DateOnly(2026, 3, 2), dueOn);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero), overdueFrom);
    }

    [Fact]
    public void Assigned_just_after_midnight_in_Shanghai_the_day_counted_is_Shanghai_s_not_UTC_s()
    {
        // 00:30 on 1 February in Shanghai is 16:30 UTC on 31 January.
        var (dueOn, _) = HandlingDeadline.From(new DateTimeOffset(2026, 1, 31, 16, 30, 0, TimeSpan.Zero), 30, Shanghai);

        Assert.Equal(new DateOnly(2026, 3, 3), dueOn);
    }

    [Fact]
    public void In_a_zone_with_summer_time_the_deadline_is_that_day_s_local_midnight()
    {
        var berlin = In("Europe/Berlin");

        var (dueOn, overdueFrom) = HandlingDeadline.From(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), 30, berlin);

        Assert.Equal(new DateOnly(2026, 3, 31), dueOn);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero), overdueFrom);
    }
}
