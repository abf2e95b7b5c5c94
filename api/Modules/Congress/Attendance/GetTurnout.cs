using Workforce.Congress.Sessions;

namespace Workforce.Congress.Attendance;

/// <summary>
/// Turnout of the enterprise's congress sessions held in a period (this year unless asked otherwise), oldest first:
/// of each session opened, its roster, who checked in and how, and whether it was quorate. Counts only, no names.
/// </summary>
internal sealed record GetTurnout(DateOnly? From, DateOnly? To) : IQuery<CongressTurnout>;

internal sealed record SessionTurnout
{
    public required Guid SessionId { get; init; }
    public required string Name { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required SessionStatus Status { get; init; }
    public required SessionMode Mode { get; init; }
    public required int RosterSize { get; init; }
    public required int Present { get; init; }

    /// <summary>Of those present, how many checked in online themselves; the rest were recorded on site by staff.</summary>
    public required int Online { get; init; }

    public int QuorumNeeded { get; init; }
    public bool Quorate { get; init; }

    /// <summary>Present out of the roster, 0 to 1 to four decimals; null for an empty roster.</summary>
    public double? Rate { get; init; }
}

internal sealed record CongressTurnout(DateOnly From, DateOnly To, IReadOnlyList<SessionTurnout> Sessions);

internal sealed class GetTurnoutValidator : AbstractValidator<GetTurnout>
{
    public static readonly Words EndsBeforeStart = new("The period ends on or after the day it starts.", "结束日期不能早于开始日期。");

    public GetTurnoutValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage(EndsBeforeStart)
            .Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber <= 3660).WithMessage(new Words("Ask for at most ten years at a time.", "一次最多查询十年。"))
            .When(q => q.From is not null && q.To is not null);
}

internal sealed class GetTurnoutHandler(DbSession db, CurrentActor actor, EnterpriseCalendar calendar) : IRequestHandler<GetTurnout, CongressTurnout>
{
    public async Task<CongressTurnout> Handle(GetTurnout request, CancellationToken cancellationToken)
    {
        var year = (await calendar.OwnAsync(cancellationToken)).Today.Year;
        var period = new { From = request.From ?? new DateOnly(year, 1, 1), To = request.To ?? new DateOnly(year, 12, 31) };
        if (period.To < period.From)
        {
            throw ProblemException.Invalid("to", GetTurnoutValidator.EndsBeforeStart);
        }
        var sessions = await db.QueryAsync<SessionTurnout>(
            """
            SELECT s.id AS session_id, s.name, s.held_on, s.status, s.mode, coalesce(s.roster_size, 0) AS roster_size,
                   count(c.representative_id)::int AS present,
                   count(c.representative_id) FILTER (WHERE c.channel = 'online')::int AS online
            FROM congress.sessions s
            LEFT JOIN congress.check_ins c ON c.tenant_id = s.tenant_id AND c.session_id = s.id
            WHERE s.tenant_id = @Tenant AND s.status <> 'planned' AND s.held_on BETWEEN @From AND @To
            GROUP BY s.tenant_id, s.id
            ORDER BY s.held_on, s.id
            """,
            new { Tenant = actor.TenantId, period.From, period.To }, cancellationToken);
        return new CongressTurnout(period.From, period.To, sessions.Select(s =>
        {
            var quorum = new Quorum(s.RosterSize, s.Present);
            return s with
            {
                QuorumNeeded = quorum.Needed, Quorate = quorum.Reached,
                Rate = s.RosterSize == 0 ? null : Math.Round((double)s.Present / s.RosterSize, 4),
            };
        }).ToList());
    }
}

internal static class GetTurnoutEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/turnout", (DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTurnout(from, to), ct))
        .WithName("GetCongressTurnout")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress attendance")
        .WithSummary("Turnout by session for a period (this year unless from and to say otherwise): roster, present, online, quorum")
        .Produces<CongressTurnout>()
        .ProducesProblems(422);
}
