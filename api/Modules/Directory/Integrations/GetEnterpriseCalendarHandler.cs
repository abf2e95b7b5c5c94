using Workforce.Directory.Calendar;
using Workforce.Directory.Contracts;

namespace Workforce.Directory.Integrations;

internal sealed class GetEnterpriseCalendarHandler(DbSession db) : IRequestHandler<GetEnterpriseCalendar, CalendarRules>
{
    public async Task<CalendarRules> Handle(GetEnterpriseCalendar request, CancellationToken cancellationToken)
    {
        var settings = await CalendarSettings.OfAsync(db, request.TenantId, cancellationToken);
        return new CalendarRules(settings.TimeZone, settings.RestDays, settings.Days);
    }
}
