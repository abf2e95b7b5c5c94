using Workforce.Proposals.Contracts;
using Workforce.Proposals.Handling;

namespace Workforce.Proposals.Statistics;

internal sealed class GetProposalStatisticsValidator : AbstractValidator<GetProposalStatistics>
{
    // The period's days become instants in the enterprise's time zone, which the calendar's first and last days have not.
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    private static readonly Words WithinCalendar = new("Ask for a period between 1900 and 2999.", "统计期间须在 1900 年至 2999 年之间。");

    public GetProposalStatisticsValidator()
    {
        RuleFor(q => q.From).InclusiveBetween(Earliest, Latest).WithMessage(WithinCalendar);
        RuleFor(q => q.To).InclusiveBetween(Earliest, Latest).WithMessage(WithinCalendar)
            .GreaterThanOrEqualTo(q => q.From).WithMessage(new Words("The period ends on or after the day it starts.", "结束日期不能早于开始日期。"))
            .Must((q, to) => to.DayNumber - q.From.DayNumber <= 3660).WithMessage(new Words("Ask for at most ten years at a time.", "每次最多统计十年。"));
    }
}

/// <summary>
/// An enterprise's proposal figures for a period, for HTTP and for other modules (the reform scorecard) alike: the
/// proposals submitted in it (by the enterprise's calendar), counted by category, current status and lead department,
/// with acceptance, on-time answer and satisfaction rates.
/// </summary>
internal sealed class GetProposalStatisticsHandler(DbSession db, CurrentActor actor, EnterpriseCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetProposalStatistics, ProposalStatistics>
{
    private sealed record Totals
    {
        public required int Submitted { get; init; }
        public required int Reviewed { get; init; }
        public required int Accepted { get; init; }
        public required int Answered { get; init; }
        public required int AnsweredOnTime { get; init; }
        public required int OverdueUnanswered { get; init; }
        public required int Rated { get; init; }
        public required int Satisfied { get; init; }
    }

    private sealed record Count
    {
        public required string Key { get; init; }
        public required int N { get; init; }
    }

    private sealed record Department
    {
        public required Guid UnitId { get; init; }
        public required string Name { get; init; }
        public required int Assigned { get; init; }
        public required int AnsweredOnTime { get; init; }
        public required int Overdue { get; init; }
    }

    private const string InPeriod = "p.tenant_id = @Tenant AND p.submitted_at >= @Start AND p.submitted_at < @End";

    public async Task<ProposalStatistics> Handle(GetProposalStatistics request, CancellationToken cancellationToken)
    {
        var days = await calendar.OwnAsync(cancellationToken);
        var period = new { Tenant = actor.TenantId, Start = days.StartOf(request.From), End = days.EndOf(request.To), Now = clock.GetUtcNow() };
        var totals = await db.QuerySingleAsync<Totals>(
            $"""
            SELECT count(*)::int AS submitted,
                   count(*) FILTER (WHERE p.status IN ('accepted', 'assigned', 'answered', 'rated', 'closed', 'convertedToSuggestion', 'notAccepted'))::int AS reviewed,
                   count(*) FILTER (WHERE p.status IN ('accepted', 'assigned', 'answered', 'rated', 'closed'))::int AS accepted,
                   count(*) FILTER (WHERE p.answered_at IS NOT NULL)::int AS answered,
                   count(*) FILTER (WHERE p.answered_at < p.due_at)::int AS answered_on_time,
                   count(*) FILTER (WHERE p.status = 'assigned' AND p.due_at <= @Now)::int AS overdue_unanswered,
                   count(*) FILTER (WHERE p.rating IS NOT NULL)::int AS rated,
                   count(*) FILTER (WHERE p.rating IN ('satisfied', 'basicallySatisfied'))::int AS satisfied
            FROM proposals.proposals p WHERE {InPeriod}
            """, period, cancellationToken);
        var categories = await db.QueryAsync<Count>($"SELECT p.category AS key, count(*)::int AS n FROM proposals.proposals p WHERE {InPeriod} GROUP BY 1 ORDER BY 1", period, cancellationToken);
        var statuses = await db.QueryAsync<Count>($"SELECT p.status AS key, count(*)::int AS n FROM proposals.proposals p WHERE {InPeriod} GROUP BY 1 ORDER BY 1", period, cancellationToken);
        var departments = await db.QueryAsync<Department>(
            $"""
            SELECT p.lead_unit_id AS unit_id, min(p.lead_unit_name) AS name, count(*)::int AS assigned,
                   count(*) FILTER (WHERE p.answered_at < p.due_at)::int AS answered_on_time,
                   count(*) FILTER (WHERE p.answered_at >= p.due_at OR (p.status = 'assigned' AND p.due_at <= @Now))::int AS overdue
            FROM proposals.proposals p WHERE {InPeriod} AND p.lead_unit_id IS NOT NULL
            GROUP BY p.lead_unit_id ORDER BY assigned DESC, min(p.lead_unit_name) COLLATE "zh-x-icu"
            """, period, cancellationToken);
        return new ProposalStatistics(
            request.From, request.To, totals.Submitted,
            categories.ToDictionary(c => c.Key, c => c.N),
            statuses.ToDictionary(c => c.Key, c => c.N),
            departments.Select(d => new DepartmentCount(d.UnitId, d.Name, d.Assigned, d.AnsweredOnTime, d.Overdue)).ToList(),
            Rate(totals.Accepted, totals.Reviewed),
            Rate(totals.AnsweredOnTime, totals.Answered + totals.OverdueUnanswered),
            Rate(totals.Satisfied, totals.Rated));
    }

    /// <summary>The part of the whole, 0..1 to four decimals; null when the whole is none.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

internal static class GetProposalStatisticsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/statistics", async (DateOnly? from, DateOnly? to, IMediator mediator, EnterpriseCalendar calendar, CancellationToken ct) =>
        {
            var end = to ?? (await calendar.OwnAsync(ct)).Today;
            return await mediator.Send(new GetProposalStatistics(from ?? new DateOnly(end.Year, 1, 1), end), ct);
        })
        .WithName("GetProposalStatistics")
        .RequirePermission(ProposalsPermissions.Read)
        .WithTags("Proposal statistics")
        .WithSummary("Proposal figures for a period (this year to date unless from and to say otherwise): by category, status and department; acceptance, on-time answer and satisfaction rates")
        .Produces<ProposalStatistics>()
        .ProducesProblems(422);
}
