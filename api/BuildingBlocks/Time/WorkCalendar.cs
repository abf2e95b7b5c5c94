namespace Workforce.BuildingBlocks.Time;

/// <summary>A day the enterprise sets apart from its weekly rhythm: a public holiday, or a make-up working day (调休) on a rest day.</summary>
public enum CalendarDayKind
{
    Holiday,
    Workday,
}

public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>What an enterprise's calendar is made of: its IANA time zone, its weekly rest days and its special days.</summary>
public sealed record CalendarRules(string TimeZone, IReadOnlyList<DayOfWeek> RestDays, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// One enterprise's days and hours: what day it is there, where a local day begins and ends as an instant, and which
/// days are worked. A special day decides for its date; any other day is worked unless it is a weekly rest day.
/// </summary>
public sealed class WorkCalendar
{
    private readonly HashSet<DayOfWeek> _restDays;
    private readonly Dictionary<DateOnly, CalendarDayKind> _days;
    private readonly TimeProvider _clock;

    public WorkCalendar(CalendarRules rules, TimeProvider clock)
    {
        Rules = rules;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(rules.TimeZone);
        _restDays = [.. rules.RestDays];
        _days = rules.Days.ToDictionary(d => d.Date, d => d.Kind);
        _clock = clock;
        if (_restDays.Count == 7)
        {
            throw new ArgumentException("A calendar needs at least one working day in the week.", nameof(rules));
        }
    }

    public CalendarRules Rules { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Today in the enterprise, by the injected clock.</summary>
    public DateOnly Today => DayOf(_clock.GetUtcNow());

    /// <summary>The local day <paramref name="instant"/> falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The first moment of <paramref name="day"/> there.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>The end of <paramref name="day"/> there: the first moment of the next day, which no longer belongs to it.</summary>
    public DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));

    public bool IsWorkingDay(DateOnly day) =>
        _days.TryGetValue(day, out var kind) ? kind == CalendarDayKind.Workday : !_restDays.Contains(day.DayOfWeek);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (before it when negative); <paramref name="from"/> itself for 0.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var step = Math.Sign(days);
        var day = from;
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>The working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> comes first.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }
}
