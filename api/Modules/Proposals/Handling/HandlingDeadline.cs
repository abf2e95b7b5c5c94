namespace Workforce.Proposals.Handling;

/// <summary>
/// When an assigned proposal must be answered: by the end of the day <c>days</c> calendar days after the day it was
/// assigned, both days as the enterprise's calendar shows them. It is overdue from the first moment of the following day there.
/// </summary>
internal static class HandlingDeadline
{
    public static (DateOnly DueOn, DateTimeOffset OverdueFrom) From(DateTimeOffset assignedAt, int days, WorkCalendar calendar)
    {
        var dueOn = calendar.DayOf(assignedAt).AddDays(days);
        return (dueOn, calendar.EndOf(dueOn));
    }
}
