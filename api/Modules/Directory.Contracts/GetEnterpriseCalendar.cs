using Workforce.BuildingBlocks.Mediator;
using Workforce.BuildingBlocks.Time;

namespace Workforce.Directory.Contracts;

/// <summary>
/// A tenant's calendar rules: the time zone of its organisation node (the default when unset), its weekly rest days
/// and its holidays and make-up working days. BuildingBlocks' <see cref="EnterpriseCalendar"/> asks it and keeps the
/// answer; modules ask that, not this.
/// </summary>
public sealed record GetEnterpriseCalendar(Guid TenantId) : IQuery<CalendarRules>;
