using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Directory.Contracts;

/// <summary>
/// Which of these workers of the acting tenant serve as congress representatives on a day (today when not given), in
/// any term; workers not serving are left out.
/// </summary>
public sealed record FindServingRepresentatives(IReadOnlyList<Guid> WorkerIds, DateOnly? On = null) : IQuery<IReadOnlyList<ServingRepresentative>>;

public sealed record ServingRepresentative(Guid WorkerId, string Name, Guid TermId, string DelegationGroup);
