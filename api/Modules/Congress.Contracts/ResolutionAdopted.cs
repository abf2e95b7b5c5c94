using MediatR;

namespace Workforce.Congress.Contracts;

/// <summary>
/// A motion item passed and became a resolution (决议) of a congress session: published in the transaction that closed
/// the vote, for modules that follow what congresses decide (proposals the resolution came from, disclosure of it).
/// </summary>
public sealed record ResolutionAdopted(
    Guid TenantId,
    Guid ResolutionId,
    Guid SessionId,
    Guid MotionId,
    int Item,
    string Title,
    DateTimeOffset AdoptedAt) : INotification;
