using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Congress.Contracts;

/// <summary>
/// The congress figures of each enterprise under the acting region for a year: sessions held and the attendance of
/// the latest one, counts only, never who attended. Empty when the acting tenant is no region.
/// </summary>
public sealed record GetRegionCongressFigures(int Year) : IQuery<RegionCongressFigures>;

public sealed record RegionCongressFigures(int Year, IReadOnlyList<EnterpriseCongressFigures> Enterprises);

/// <param name="SessionsHeld">Sessions held (opened) on a day of the year.</param>
/// <param name="LatestSession">The last session held by the end of the year, whatever its year; null when none was.</param>
public sealed record EnterpriseCongressFigures(Guid EnterpriseId, string EnterpriseName, int SessionsHeld, SessionAttendance? LatestSession);

/// <param name="Rate">Present out of the roster, 0..1 to four decimals; null for an empty roster.</param>
/// <param name="Quorate">More than two thirds of the roster present.</param>
public sealed record SessionAttendance(string Name, DateOnly HeldOn, int RosterSize, int Present, double? Rate, bool Quorate);
