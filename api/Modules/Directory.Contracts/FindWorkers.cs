using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Directory.Contracts;

/// <summary>The current tenant's workers with these ids; ids that are unknown or belong elsewhere are left out.</summary>
public sealed record FindWorkers(IReadOnlyList<Guid> WorkerIds) : IQuery<IReadOnlyList<WorkerSummary>>;

/// <param name="Status">active, onLeave, left or retired.</param>
public sealed record WorkerSummary(Guid Id, string Name, string EmployeeNumber, Guid UnitId, string UnitName, string Status);
