using Workforce.Directory.Contracts;

namespace Workforce.Proposals.Handling;

/// <summary>The acting enterprise's time zone, as Directory keeps it, and what day it is there.</summary>
internal static class EnterpriseTime
{
    public static async Task<TimeZoneInfo> ZoneAsync(IMediator mediator, CurrentActor actor, CancellationToken ct)
    {
        var enterprise = await mediator.Send(new FindOrganisation(actor.TenantId), ct);
        return TimeZoneInfo.FindSystemTimeZoneById(enterprise?.TimeZone ?? "Asia/Shanghai");
    }

    /// <summary>The first moment of <paramref name="day"/> in <paramref name="zone"/>, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    public static DateOnly Today(TimeZoneInfo zone, DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
}
