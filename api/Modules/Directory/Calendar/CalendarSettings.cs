using System.Text.Json;

namespace Workforce.Directory.Calendar;

/// <summary>
/// A tenant's working calendar as its administrators set it: weekly rest days and special days, with the time zone of
/// its organisation node (changed there). Version 0 until it is first changed.
/// </summary>
internal sealed record CalendarSettings : IVersioned
{
    public required string TimeZone { get; init; }
    public required IReadOnlyList<DayOfWeek> RestDays { get; init; }

    /// <summary>Holidays and make-up working days, in date order.</summary>
    public required IReadOnlyList<CalendarDay> Days { get; init; }

    public required int Version { get; init; }

    private sealed record Row
    {
        public required string TimeZone { get; init; }
        public string[]? RestDays { get; init; }
        public int Version { get; init; }
    }

    private sealed record DayRow
    {
        public required DateOnly Day { get; init; }
        public required CalendarDayKind Kind { get; init; }
        public required string Name { get; init; }
    }

    public static async Task<CalendarSettings> OfAsync(DbSession db, Guid tenant, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT coalesce(o.time_zone, @DefaultTimeZone) AS time_zone, c.rest_days, coalesce(c.version, 0) AS version
            FROM directory.organisations o
            LEFT JOIN directory.calendars c ON c.tenant_id = o.tenant_id AND c.id = o.id
            WHERE o.tenant_id = @Tenant AND o.id = @Tenant
            """,
            new { Tenant = tenant, EnterpriseCalendar.DefaultTimeZone }, ct);
        var days = await db.QueryAsync<DayRow>(
            "SELECT day, kind, name FROM directory.calendar_days WHERE tenant_id = @Tenant ORDER BY day", new { Tenant = tenant }, ct);
        return new CalendarSettings
        {
            TimeZone = row?.TimeZone ?? EnterpriseCalendar.DefaultTimeZone,
            RestDays = row?.RestDays?.Select(FromDbText).OrderBy(MondayFirst).ToList() ?? EnterpriseCalendar.DefaultRestDays,
            Days = days.Select(d => new CalendarDay(d.Day, d.Kind, d.Name)).ToList(),
            Version = row?.Version ?? 0,
        };
    }

    /// <summary>The week as China counts it, Monday first.</summary>
    public static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;

    public static string ToDbText(DayOfWeek day) => JsonNamingPolicy.CamelCase.ConvertName(day.ToString());

    private static DayOfWeek FromDbText(string day) => Enum.Parse<DayOfWeek>(day, ignoreCase: true);
}
