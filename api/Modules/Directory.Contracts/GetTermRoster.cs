using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Directory.Contracts;

/// <summary>The representatives of a congress term serving on a day (today when not given); null when the term is not the tenant's.</summary>
public sealed record GetTermRoster(Guid TermId, DateOnly? On = null) : IQuery<TermRoster?>;

public sealed record TermRoster(Guid TermId, int Number, string Name, DateOnly On, IReadOnlyList<RosterEntry> Representatives);

public sealed record RosterEntry(
    Guid RepresentativeId,
    Guid WorkerId,
    string Name,
    string EmployeeNumber,
    string DelegationGroup,
    bool IsWorkerDirector,
    bool IsWorkerSupervisor);
