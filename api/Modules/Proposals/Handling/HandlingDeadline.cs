namespace Workforce.Proposals.Handling;

/// <summary>
/// When an assigned proposal must be answered: by the end of the day <c>days</c> after the day it was assigned, both
/// days as the enterprise's clock shows them (Asia/Shanghai unless the enterprise says otherwise). It is overdue from
/// the first moment of the following day there.
/// </summary>
internal static class HandlingDeadline
{
    public const int DefaultDays = 30;

    public static (DateOnly DueOn, DateTimeOffset OverdueFrom) From(DateTimeOffset assignedAt, int days, TimeZoneInfo zone)
    {
        var assignedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(assignedAt, zone).DateTime);
        var dueOn = assignedOn.AddDays(days);
        var nextMidnight = dueOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return (dueOn, new DateTimeOffset(nextMidnight, zone.GetUtcOffset(nextMidnight)).ToUniversalTime());
    }
}
