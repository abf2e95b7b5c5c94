namespace Workforce.Directory.Calendar;

internal sealed record GetCalendar : IQuery<CalendarSettings>;

internal sealed class GetCalendarHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetCalendar, CalendarSettings>
{
    public Task<CalendarSettings> Handle(GetCalendar request, CancellationToken cancellationToken) =>
        CalendarSettings.OfAsync(db, actor.TenantId, cancellationToken);
}

internal static class GetCalendarEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/calendar", async (IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetCalendar(), ct), response))
        .WithName("GetCalendar")
        .RequirePermission(DirectoryPermissions.OrganisationsRead)
        .WithTags("Calendar")
        .WithSummary("The working calendar of the organisation you act for: time zone, weekly rest days, holidays and make-up working days (Saturday and Sunday off, no special days, until changed)")
        .Produces<CalendarSettings>()
        .ProducesProblems();
}
