using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Proposals.Contracts;

/// <summary>
/// An enterprise's proposal figures for a period (by submission date, in the enterprise's time zone): what the reform
/// scorecard reads. The acting tenant is the enterprise.
/// </summary>
public sealed record GetProposalStatistics(DateOnly From, DateOnly To) : IQuery<ProposalStatistics>;

/// <param name="Submitted">Proposals submitted in the period, merged ones included; the figures below count these.</param>
/// <param name="ByStatus">Where they are now, by status (submitted, underReview, accepted, ...).</param>
/// <param name="AcceptanceRate">Accepted (立案) of those reviewed (accepted, converted to a suggestion or not accepted), 0..1; null when none was reviewed.</param>
/// <param name="OnTimeAnswerRate">Answered by their deadline of those answered or overdue unanswered, 0..1; null when none.</param>
/// <param name="SatisfactionRate">Rated satisfied or basically satisfied of those rated, 0..1; null when none.</param>
public sealed record ProposalStatistics(
    DateOnly From,
    DateOnly To,
    int Submitted,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyList<DepartmentCount> ByDepartment,
    double? AcceptanceRate,
    double? OnTimeAnswerRate,
    double? SatisfactionRate);

/// <summary>A lead department's share: proposals it leads, answered by the deadline, and answered late or overdue unanswered.</summary>
public sealed record DepartmentCount(Guid UnitId, string Name, int Assigned, int AnsweredOnTime, int Overdue);
