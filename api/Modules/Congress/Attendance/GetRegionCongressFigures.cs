using Workforce.BuildingBlocks.Text;
using Workforce.Congress.Contracts;
using Workforce.Directory.Contracts;

namespace Workforce.Congress.Attendance;

internal sealed class GetRegionCongressFiguresValidator : AbstractValidator<GetRegionCongressFigures>
{
    public GetRegionCongressFiguresValidator() =>
        RuleFor(q => q.Year).BeAYear();
}

/// <summary>
/// A region's view of its enterprises' congresses: per enterprise (as Directory lists those under the region), the
/// sessions held in the year (a session's day is the enterprise's own) and how many of its roster came to the latest.
/// </summary>
internal sealed class GetRegionCongressFiguresHandler(DbSession db, IMediator mediator) : IRequestHandler<GetRegionCongressFigures, RegionCongressFigures>
{
    private sealed record Row
    {
        public required Guid EnterpriseId { get; init; }
        public required int SessionsHeld { get; init; }
        public string? LatestName { get; init; }
        public DateOnly? LatestHeldOn { get; init; }
        public int LatestRosterSize { get; init; }
        public int LatestPresent { get; init; }
    }

    public async Task<RegionCongressFigures> Handle(GetRegionCongressFigures request, CancellationToken cancellationToken)
    {
        var enterprises = await mediator.Send(new FindRegionEnterprises(), cancellationToken);
        var rows = (await db.QueryAsync<Row>(
                """
                SELECT e.id AS enterprise_id,
                       (SELECT count(*)::int FROM congress.sessions s
                        WHERE s.tenant_id = e.id AND s.status <> 'planned' AND s.held_on BETWEEN @From AND @To) AS sessions_held,
                       l.name AS latest_name, l.held_on AS latest_held_on, coalesce(l.roster_size, 0) AS latest_roster_size,
                       (SELECT count(*)::int FROM congress.check_ins c WHERE c.tenant_id = l.tenant_id AND c.session_id = l.id) AS latest_present
                FROM unnest(@Tenants::uuid[]) AS e(id)
                LEFT JOIN LATERAL (
                    SELECT s.tenant_id, s.id, s.name, s.held_on, s.roster_size FROM congress.sessions s
                    WHERE s.tenant_id = e.id AND s.status <> 'planned' AND s.held_on <= @To
                    ORDER BY s.held_on DESC, s.id DESC LIMIT 1) l ON true
                """,
                new { Tenants = enterprises.Select(e => e.Id).ToArray(), From = new DateOnly(request.Year, 1, 1), To = new DateOnly(request.Year, 12, 31) },
                cancellationToken))
            .ToDictionary(r => r.EnterpriseId);
        return new RegionCongressFigures(request.Year, enterprises.Select(e =>
        {
            var r = rows[e.Id];
            var quorum = new Quorum(r.LatestRosterSize, r.LatestPresent);
            var latest = r.LatestHeldOn is { } heldOn
                ? new SessionAttendance(r.LatestName!, heldOn, r.LatestRosterSize, r.LatestPresent,
                    r.LatestRosterSize == 0 ? null : Math.Round((double)r.LatestPresent / r.LatestRosterSize, 4), quorum.Reached)
                : null;
            return new EnterpriseCongressFigures(e.Id, e.Name, r.SessionsHeld, latest);
        }).ToList());
    }
}

internal static class GetRegionCongressFiguresEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/region-figures", async (int? year, IMediator mediator, EnterpriseCalendar calendar, CancellationToken ct) =>
            await mediator.Send(new GetRegionCongressFigures(year ?? (await calendar.OwnAsync(ct)).Today.Year), ct))
        .WithName("GetRegionCongressFigures")
        .RequirePermission(CongressPermissions.RegionRead)
        .WithTags("Congress attendance")
        .WithSummary("Per enterprise under your region, the congress sessions held in a year (this year unless asked otherwise) and the attendance of the latest")
        .Produces<RegionCongressFigures>()
        .ProducesProblems(422);
}
