using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Proposals.Contracts;

/// <summary>
/// The proposal figures of each enterprise under the acting region for a year (each enterprise's own calendar year):
/// counts and a rate, never a proposal. Empty when the acting tenant is no region.
/// </summary>
public sealed record GetRegionProposalFigures(int Year) : IQuery<RegionProposalFigures>;

public sealed record RegionProposalFigures(int Year, IReadOnlyList<EnterpriseProposalFigures> Enterprises);

/// <param name="Submitted">Proposals submitted in the year, merged ones included; the figures below count these.</param>
/// <param name="InHandling">With their departments now (assigned), not yet answered.</param>
/// <param name="Overdue">Of those in handling, past their deadline.</param>
/// <param name="Closed">Closed.</param>
/// <param name="OnTimeAnswerRate">Answered by their deadline of those answered or overdue unanswered, 0..1; null when none.</param>
public sealed record EnterpriseProposalFigures(
    Guid EnterpriseId,
    string EnterpriseName,
    int Submitted,
    int InHandling,
    int Overdue,
    int Closed,
    double? OnTimeAnswerRate);
