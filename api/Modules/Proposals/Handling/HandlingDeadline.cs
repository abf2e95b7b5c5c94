namespace Workforce.Proposals.Handling;

/// <summary>
/// When an assigned proposal must be answered: by the end of the day <c>days</c> after the day it was assigned, both
/// days as the enterprise's clock shows them (Asia/Shanghai unless the enterprise says otherwise). It is overdue from
/// the first moment of the following day there.
/// </summary>
internal static class HandlingDeadline
{
    public static (DateOnly DueOn, DateTimeOffset OverdueFrom) From(DateTimeOffset assignedAt, int days, TimeZoneInfo zone)
    {
        var dueOn = EnterpriseTime.Today(zone, assignedAt).AddDays(days);
        return (dueOn, EnterpriseTime.StartOfDay(dueOn.AddDays(1), zone));
    }
}
