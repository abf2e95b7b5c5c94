using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Directory.Contracts;

/// <summary>
/// Where an organisation node sits in the tree, whoever asks: the Access module needs it to work out what an actor
/// may do before the actor is known. Null when there is no such node.
/// </summary>
public sealed record FindOrganisation(Guid OrganisationId) : IQuery<OrganisationPlacement?>;

/// <param name="Kind">platform, region, enterprise, unit or team.</param>
/// <param name="TenantId">The node itself for platform, regions and enterprises; the enterprise for units and teams.</param>
/// <param name="Path">Ids from the root down to the node.</param>
/// <param name="Status">active or inactive.</param>
/// <param name="TimeZone">The IANA time zone its tenant keeps (a unit or team keeps its enterprise's): EnterpriseCalendar.DefaultTimeZone unless set.</param>
public sealed record OrganisationPlacement(Guid Id, Guid TenantId, string Kind, string Name, IReadOnlyList<Guid> Path, string Status, string TimeZone);
