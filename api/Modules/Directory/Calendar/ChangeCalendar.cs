using System.Text.Json.Serialization;

namespace Workforce.Directory.Calendar;

/// <summary>Set the working calendar of the organisation you act for: its weekly rest days and all its special days.</summary>
internal sealed record ChangeCalendar : ICommand<CalendarSettings>
{
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public IReadOnlyList<DayOfWeek>? RestDays { get; init; }

    /// <summary>Every holiday and make-up working day the calendar keeps; those left out are removed.</summary>
    public IReadOnlyList<SpecialDay>? Days { get; init; }

    internal sealed record SpecialDay
    {
        public DateOnly? Date { get; init; }
        public CalendarDayKind? Kind { get; init; }

        /// <summary>What the day is, e.g. 春节 or 国庆节调休.</summary>
        public string? Name { get; init; }
    }
}

internal sealed class ChangeCalendarValidator : AbstractValidator<ChangeCalendar>
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    public ChangeCalendarValidator()
    {
        RuleFor(c => c.RestDays).NotNull()
            .Must(days => days!.Distinct().Count() == days!.Count).WithMessage(new Words("Name each rest day once.", "每个休息日只能填一次。"))
            .Must(days => days!.Count < 7).WithMessage(new Words("At least one day of the week is worked.", "一周中至少要有一天上班。"));
        RuleFor(c => c.Days).NotNull()
            .Must(days => days!.Count <= 2000).WithMessage(new Words("A calendar keeps at most 2,000 special days.", "日历最多只能有 2,000 个节假日和调休日。"))
            .Must(days => days!.Where(d => d.Date is not null).GroupBy(d => d.Date).All(g => g.Count() == 1))
            .WithMessage(new Words("Each date appears once.", "每个日期只能出现一次。"));
        RuleForEach(c => c.Days).ChildRules(day =>
        {
            day.RuleFor(d => d.Date).NotNull()
                .InclusiveBetween(Earliest, Latest).WithMessage(new Words("Give a date from 2000 to 2099.", "请填写 2000 年至 2099 年之间的日期。"));
            day.RuleFor(d => d.Kind).NotNull().IsInEnum();
            day.RuleFor(d => d.Name).NotNull().Must(name => name!.Trim().Length is >= 1 and <= 50)
                .WithMessage(new Words("Give the day a name of 1 to 50 characters.", "名称须为 1 至 50 个字符。"));
        });
        RuleForEach(c => c.Days)
            .Must((c, day) => day.Kind != CalendarDayKind.Workday || day.Date is null || c.RestDays is null || c.RestDays.Contains(day.Date.Value.DayOfWeek))
            .WithMessage(new Words("A make-up working day falls on a weekly rest day: every other day is worked anyway.",
                "调休上班日须落在每周的休息日：其他日子本来就要上班。"));
    }
}

internal sealed class ChangeCalendarHandler(DbSession db, CurrentActor actor, TimeProvider clock, IMediator mediator) : IRequestHandler<ChangeCalendar, CalendarSettings>
{
    public async Task<CalendarSettings> Handle(ChangeCalendar request, CancellationToken cancellationToken)
    {
        var tenant = actor.TenantId;
        var current = await db.QuerySingleOrDefaultAsync<int?>(
            "SELECT version FROM directory.calendars WHERE tenant_id = @Tenant AND id = @Tenant FOR UPDATE", new { Tenant = tenant }, cancellationToken) ?? 0;
        Concurrency.EnsureVersion(current, request.ExpectedVersion);
        // Two first changes at once both find no row: the second must not overwrite the first.
        var changed = await db.QuerySingleOrDefaultAsync<int?>(
            """
            INSERT INTO directory.calendars AS c (tenant_id, id, rest_days, created_at, updated_at)
            VALUES (@Tenant, @Tenant, @RestDays, @Now, @Now)
            ON CONFLICT (tenant_id, id) DO UPDATE
            SET rest_days = excluded.rest_days, version = c.version + 1, updated_at = excluded.updated_at
            WHERE c.version = @ExpectedVersion
            RETURNING version
            """,
            new
            {
                Tenant = tenant, request.ExpectedVersion, Now = clock.GetUtcNow(),
                RestDays = request.RestDays!.OrderBy(CalendarSettings.MondayFirst).Select(CalendarSettings.ToDbText).ToArray(),
            },
            cancellationToken);
        if (changed is null)
        {
            throw Problems.PreconditionFailed.With(new("The calendar was changed meanwhile; read it again, then repeat the change.",
                "日历已被他人修改，请重新读取后再修改。"));
        }

        var days = request.Days!;
        await db.ExecuteAsync(
            """
            DELETE FROM directory.calendar_days WHERE tenant_id = @Tenant AND NOT (day = ANY(@Dates));
            INSERT INTO directory.calendar_days AS d (tenant_id, id, day, kind, name)
            SELECT @Tenant, id, day, kind, name FROM unnest(@Ids, @Dates, @Kinds, @Names) AS given (id, day, kind, name)
            ON CONFLICT (tenant_id, day) DO UPDATE SET kind = excluded.kind, name = excluded.name
            WHERE (d.kind, d.name) IS DISTINCT FROM (excluded.kind, excluded.name)
            """,
            new
            {
                Tenant = tenant,
                Ids = days.Select(_ => Guid.CreateVersion7()).ToArray(),
                Dates = days.Select(d => d.Date!.Value).ToArray(),
                Kinds = days.Select(d => d.Kind!.Value.ToDbText()).ToArray(),
                Names = days.Select(d => d.Name!.Trim()).ToArray(),
            },
            cancellationToken);
        await mediator.Publish(new EnterpriseCalendarChanged(tenant), cancellationToken);
        return await CalendarSettings.OfAsync(db, tenant, cancellationToken);
    }
}

internal static class ChangeCalendarEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/calendar", async (ChangeCalendar command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct), request.HttpContext.Response))
        .WithName("ChangeCalendar")
        .RequirePermission(DirectoryPermissions.OrganisationsWrite)
        .WithTags("Calendar")
        .WithSummary("Set the weekly rest days, holidays and make-up working days of the organisation you act for (needs If-Match; \"0\" before the first change)")
        .Produces<CalendarSettings>()
        .ProducesProblems(412, 422, 428);
}
