using Workforce.Congress.Agenda;
using Workforce.Congress.Attendance;
using Workforce.Congress.Polls;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Representatives;

internal sealed record MyPoll
{
    public required Poll Poll { get; init; }

    /// <summary>Whether you have voted on it (online or on paper); never what you chose.</summary>
    public required bool Voted { get; init; }
}

internal sealed record MySession
{
    public required Session Session { get; init; }
    public required bool CheckedIn { get; init; }

    /// <summary>Whether you can check in online now (otherwise the staff record it in the hall).</summary>
    public required bool OnlineCheckInOpen { get; init; }

    public required int Present { get; init; }
    public required bool Quorate { get; init; }
    public required IReadOnlyList<AgendaStep> Agenda { get; init; }
    public required IReadOnlyList<MyPoll> Polls { get; init; }
}

/// <summary>A session as its representative sees it: the agenda, attendance, and what there is to vote on.</summary>
internal sealed record GetMySession(Guid Id) : IQuery<MySession>;

internal sealed class GetMySessionHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<GetMySession, MySession>
{
    public async Task<MySession> Handle(GetMySession query, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, query.Id, cancellationToken);
        var seat = await RosterSeat.OfAsync(db, mediator, actor, session, cancellationToken);
        var mine = new { Tenant = actor.TenantId, Session = session.Id, Seat = seat };
        var checkedIn = await db.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM congress.check_ins WHERE tenant_id = @Tenant AND session_id = @Session AND representative_id = @Seat)",
            mine, cancellationToken);
        var voted = (await db.QueryAsync<Guid>(
            """
            SELECT v.poll_id FROM congress.voter_roll v JOIN congress.polls p ON p.tenant_id = v.tenant_id AND p.id = v.poll_id
            WHERE v.tenant_id = @Tenant AND p.session_id = @Session AND v.representative_id = @Seat
            """,
            mine, cancellationToken)).ToHashSet();
        var quorum = await Quorum.OfAsync(db, actor.TenantId, session.Id, cancellationToken);
        var polls = await Poll.OfSessionAsync(db, actor.TenantId, session.Id, cancellationToken);
        return new MySession
        {
            Session = session,
            CheckedIn = checkedIn,
            OnlineCheckInOpen = await OnlineCheckIn.IsOpenAsync(db, actor.TenantId, session, cancellationToken),
            Present = quorum.Present,
            Quorate = quorum.Reached,
            Agenda = await AgendaStep.ListAsync(db, actor.TenantId, session.Id, cancellationToken),
            Polls = polls.Where(p => p.Status != PollStatus.Draft).Select(p => new MyPoll { Poll = p, Voted = voted.Contains(p.Id) }).ToList(),
        };
    }
}

internal static class GetMySessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/my/sessions/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetMySession(id), ct))
        .WithName("GetMySession")
        .RequirePermission(CongressPermissions.Attend)
        .WithTags("Representatives")
        .WithSummary("A session you are a representative in: agenda, attendance, and the votes open or closed")
        .Produces<MySession>()
        .ProducesProblems(403, 404);
}
