using System.Collections.Concurrent;
using System.Diagnostics;
using MediatR;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Security;

namespace Workforce.BuildingBlocks.Time;

/// <summary>
/// The calendar of any tenant, as Directory keeps it (time zone, weekly rest days, holidays and make-up working days),
/// for every module: inject it instead of working out a zone or "today" yourself.
/// </summary>
public sealed class EnterpriseCalendar(IMediator mediator, CurrentActor actor, TimeProvider clock, CalendarCache cache, CalendarSource source)
{
    /// <summary>The zone of a tenant that has set none.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>The weekly rest days of a tenant that has set none.</summary>
    public static readonly IReadOnlyList<DayOfWeek> DefaultRestDays = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The calendar of the tenant the current actor acts in.</summary>
    public Task<WorkCalendar> OwnAsync(CancellationToken ct) => OfAsync(actor.TenantId, ct);

    public async Task<WorkCalendar> OfAsync(Guid tenantId, CancellationToken ct)
    {
        if (cache.Find(tenantId, out var generation) is { } cached)
        {
            return cached;
        }
        var calendar = new WorkCalendar(await mediator.Send(source.Ask(tenantId), ct), clock);
        cache.Keep(tenantId, generation, calendar);
        return calendar;
    }
}

/// <summary>The request that asks the module keeping calendars (Directory, which registers it) for a tenant's rules.</summary>
public sealed class CalendarSource(Func<Guid, IRequest<CalendarRules>> ask)
{
    public IRequest<CalendarRules> Ask(Guid tenantId) => ask(tenantId);
}

/// <summary>
/// Tenants' calendars, kept for a minute. The module that changes one says so (<see cref="EnterpriseCalendarChanged"/>)
/// and this instance forgets it as the change commits; other instances see it within the minute. Each forgetting starts
/// a new generation, so a calendar read before the change was committed is never kept after it.
/// </summary>
public sealed class CalendarCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed record Entry(long Generation, WorkCalendar? Calendar, long KeptAt);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public WorkCalendar? Find(Guid tenantId, out long generation)
    {
        var entry = _entries.GetOrAdd(tenantId, _ => new Entry(0, null, 0));
        generation = entry.Generation;
        return entry.Calendar is not null && Stopwatch.GetElapsedTime(entry.KeptAt) < Lifetime ? entry.Calendar : null;
    }

    /// <summary>Keeps <paramref name="calendar"/> unless the tenant's calendar was forgotten since <paramref name="generation"/> was found.</summary>
    public void Keep(Guid tenantId, long generation, WorkCalendar calendar)
    {
        if (_entries.TryGetValue(tenantId, out var entry) && entry.Generation == generation)
        {
            _entries.TryUpdate(tenantId, entry with { Calendar = calendar, KeptAt = Stopwatch.GetTimestamp() }, entry);
        }
    }

    public void Forget(Guid tenantId) =>
        _entries.AddOrUpdate(tenantId, _ => new Entry(1, null, 0), (_, entry) => new Entry(entry.Generation + 1, null, 0));
}

/// <summary>Published by the module that changed a tenant's calendar or time zone, inside the change's transaction.</summary>
public sealed record EnterpriseCalendarChanged(Guid TenantId) : INotification;

internal sealed class ForgetChangedCalendar(DbSession db, CalendarCache cache) : INotificationHandler<EnterpriseCalendarChanged>
{
    public Task Handle(EnterpriseCalendarChanged notification, CancellationToken cancellationToken)
    {
        db.AfterCommit(() => cache.Forget(notification.TenantId));
        return Task.CompletedTask;
    }
}
