using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Access.Contracts;

/// <summary>The acting tenant's user accounts with these ids, e.g. to show who did something; unknown ids are left out.</summary>
public sealed record FindUsers(IReadOnlyList<Guid> UserIds) : IQuery<IReadOnlyList<UserSummary>>;

public sealed record UserSummary(Guid Id, string LoginName, string DisplayName, Guid? WorkerId);
