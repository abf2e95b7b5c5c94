using Workforce.BuildingBlocks.Time;

namespace Workforce.BuildingBlocks.Tests.Time;

public sealed class WorkCalendarTests
{
    // October 2026: the 1st is a Thursday; the National Day holidays run to the 7th, and Saturday the 10th is worked instead.
    private static readonly CalendarRules NationalDay = new("Asia/Shanghai", [DayOfWeek.Saturday, DayOfWeek.Sunday],
    [
        .. Enumerable.Range(1, 7).Select(day => new CalendarDay(new DateOnly(2026, 10, day), CalendarDayKind.Holiday, "国庆节")),
        new CalendarDay(new DateOnly(2026, 10, 10), CalendarDayKind.Workday, "国庆节调休"),
    ]);

    private static WorkCalendar Calendar(CalendarRules rules, DateTimeOffset? now = null)
    {
        var clock = new HeldClock(now ?? DateTimeOffset.UnixEpoch);
        return new WorkCalendar(rules, clock);
    }

    private sealed class HeldClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("2026-09-30", true)]   // Wednesday
    [InlineData("2026-10-01", false)]  // holiday on a Thursday
    [InlineData("2026-10-03", false)]  // Saturday, and a holiday
    [InlineData("2026-10-08", true)]   // Thursday after the holidays
    [InlineData("2026-10-10", true)]   // the make-up working Saturday
    [InlineData("2026-10-11", false)]  // Sunday
    [InlineData("2026-10-17", false)]  // an ordinary Saturday
    public void A_special_day_decides_for_its_date_and_the_weekly_rest_days_for_the_rest(string day, bool working) =>
        Assert.Equal(working, Calendar(NationalDay).IsWorkingDay(DateOnly.Parse(day)));

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")]   // over the holiday week
    [InlineData("2026-10-09", 1, "2026-10-10")]   // onto the working Saturday
    [InlineData("2026-10-09", 2, "2026-10-12")]   // past the Sunday
    [InlineData("2026-09-25", 3, "2026-09-30")]   // Friday, over an ordinary weekend
    [InlineData("2026-10-08", -1, "2026-09-30")]  // backwards over the holidays
    [InlineData("2026-10-03", 0, "2026-10-03")]
    public void Adding_working_days_skips_weekends_and_holidays_and_counts_make_up_days(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar(NationalDay).AddWorkingDays(DateOnly.Parse(from), days));

    [Fact]
    public void Working_days_between_two_dates_count_those_after_the_first_up_to_the_last()
    {
        var calendar = Calendar(NationalDay);

        // 8, 9, 10 (the make-up Saturday) and 12 October.
        Assert.Equal(4, calendar.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 12)));
        Assert.Equal(-4, calendar.WorkingDaysBetween(new DateOnly(2026, 10, 12), new DateOnly(2026, 9, 30)));
        Assert.Equal(0, calendar.WorkingDaysBetween(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7)));
    }

    [Fact]
    public void An_enterprise_that_works_saturdays_rests_on_sunday_only()
    {
        var calendar = Calendar(new CalendarRules("Asia/Shanghai", [DayOfWeek.Sunday], []));

        Assert.Equal(new DateOnly(2026, 9, 26), calendar.AddWorkingDays(new DateOnly(2026, 9, 25), 1));
    }

    [Fact]
    public void Today_and_the_bounds_of_a_day_are_those_of_the_enterprise_s_zone()
    {
        // 02:00 UTC on 1 March: 10:00 that day in Shanghai, still 28 February in New York.
        var moment = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var shanghai = Calendar(new CalendarRules("Asia/Shanghai", [], []), moment);
        var newYork = Calendar(new CalendarRules("America/New_York", [], []), moment);

        Assert.Equal(new DateOnly(2026, 3, 1), shanghai.Today);
        Assert.Equal(new DateOnly(2026, 2, 28), newYork.Today);
        Assert.Equal(new DateTimeOffset(2026, 2, 27, 16, 0, 0, TimeSpan.Zero), shanghai.StartOf(new DateOnly(2026, 2, 28)));
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero), shanghai.EndOf(new DateOnly(2026, 2, 28)));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), newYork.EndOf(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void A_week_without_a_working_day_is_refused() =>
        Assert.Throws<ArgumentException>(() => Calendar(new CalendarRules("Asia/Shanghai", Enum.GetValues<DayOfWeek>(), [])));
}
