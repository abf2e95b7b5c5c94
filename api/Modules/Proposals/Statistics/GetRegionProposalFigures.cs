using Workforce.BuildingBlocks.Text;
using Workforce.Directory.Contracts;
using Workforce.Proposals.Contracts;

namespace Workforce.Proposals.Statistics;

internal sealed class GetRegionProposalFiguresValidator : AbstractValidator<GetRegionProposalFigures>
{
    public GetRegionProposalFiguresValidator() =>
        RuleFor(q => q.Year).BeAYear();
}

/// <summary>
/// A region's view of its enterprises' proposal handling: per enterprise (as Directory lists those under the region),
/// the proposals submitted in the year by its own calendar, how many are with departments, overdue or closed, and the
/// on-time answer rate, counted as the enterprise's own statistics count them.
/// </summary>
internal sealed class GetRegionProposalFiguresHandler(DbSession db, IMediator mediator, EnterpriseCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetRegionProposalFigures, RegionProposalFigures>
{
    private sealed record Row
    {
        public required Guid EnterpriseId { get; init; }
        public required int Submitted { get; init; }
        public required int InHandling { get; init; }
        public required int Overdue { get; init; }
        public required int Closed { get; init; }
        public required int Answered { get; init; }
        public required int AnsweredOnTime { get; init; }
    }

    public async Task<RegionProposalFigures> Handle(GetRegionProposalFigures request, CancellationToken cancellationToken)
    {
        var enterprises = await mediator.Send(new FindRegionEnterprises(), cancellationToken);
        var starts = new List<DateTimeOffset>();
        var ends = new List<DateTimeOffset>();
        foreach (var enterprise in enterprises)
        {
            var days = await calendar.OfAsync(enterprise.Id, cancellationToken);
            starts.Add(days.StartOf(new DateOnly(request.Year, 1, 1)));
            ends.Add(days.EndOf(new DateOnly(request.Year, 12, 31)));
        }
        var rows = (await db.QueryAsync<Row>(
                """
                SELECT e.tenant AS enterprise_id, count(p.id)::int AS submitted,
                       count(*) FILTER (WHERE p.status = 'assigned')::int AS in_handling,
                       count(*) FILTER (WHERE p.status = 'assigned' AND p.due_at <= @Now)::int AS overdue,
                       count(*) FILTER (WHERE p.status = 'closed')::int AS closed,
                       count(*) FILTER (WHERE p.answered_at IS NOT NULL)::int AS answered,
                       count(*) FILTER (WHERE p.answered_at < p.due_at)::int AS answered_on_time
                FROM unnest(@Tenants::uuid[], @Starts::timestamptz[], @Ends::timestamptz[]) AS e(tenant, starts, ends)
                LEFT JOIN proposals.proposals p ON p.tenant_id = e.tenant AND p.submitted_at >= e.starts AND p.submitted_at < e.ends
                GROUP BY e.tenant
                """,
                new { Tenants = enterprises.Select(e => e.Id).ToArray(), Starts = starts.ToArray(), Ends = ends.ToArray(), Now = clock.GetUtcNow() },
                cancellationToken))
            .ToDictionary(r => r.EnterpriseId);
        return new RegionProposalFigures(request.Year, enterprises.Select(e =>
        {
            var r = rows[e.Id];
            return new EnterpriseProposalFigures(e.Id, e.Name, r.Submitted, r.InHandling, r.Overdue, r.Closed,
                GetProposalStatisticsHandler.Rate(r.AnsweredOnTime, r.Answered + r.Overdue));
        }).ToList());
    }
}

internal static class GetRegionProposalFiguresEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/region-figures", async (int? year, IMediator mediator, EnterpriseCalendar calendar, CancellationToken ct) =>
            await mediator.Send(new GetRegionProposalFigures(year ?? (await calendar.OwnAsync(ct)).Today.Year), ct))
        .WithName("GetRegionProposalFigures")
        .RequirePermission(ProposalsPermissions.RegionRead)
        .WithTags("Proposal statistics")
        .WithSummary("Per enterprise under your region, the proposals submitted in a year (this year unless asked otherwise): in handling, overdue, closed, and the rate answered on time")
        .Produces<RegionProposalFigures>()
        .ProducesProblems(422);
}
