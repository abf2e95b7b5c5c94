using Workforce.Congress.Sessions;
using Workforce.Directory.Contracts;

namespace Workforce.Congress.Attendance;

/// <summary>
/// The signed-in representative's place in a session, found by the worker their account belongs to: on its roster
/// once it is open; while it is planned, among the term's representatives serving today (who will be on it), so they
/// can see what is coming and read its documents beforehand.
/// </summary>
internal static class RosterSeat
{
    public static async Task<Guid> OfAsync(DbSession db, IMediator mediator, CurrentActor actor, Session session, CancellationToken ct)
    {
        var worker = actor.WorkerId ?? throw NotOnRoster();
        if (session.Status == SessionStatus.Planned)
        {
            var serving = await mediator.Send(new GetTermRoster(session.TermId), ct);
            return serving?.Representatives.FirstOrDefault(r => r.WorkerId == worker)?.RepresentativeId ?? throw NotOnRoster();
        }
        var seat = await db.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT representative_id FROM congress.roster WHERE tenant_id = @Tenant AND session_id = @SessionId AND worker_id = @Worker",
            new { Tenant = actor.TenantId, SessionId = session.Id, Worker = worker }, ct);
        return seat ?? throw NotOnRoster();
    }

    public static readonly ProblemCode NotOnRosterCode = new(403, "not_on_roster", new("You are not on this session's roster.", "您不在本次会议的代表名单中。"));

    public static ProblemException NotOnRoster() => NotOnRosterCode.With(new(
        "A session is attended by its term's representatives: those serving when it opened, or serving today while it is planned; your account must belong to one of them.",
        "参加会议的是本届职工代表：会议开始后为开会时在任的代表，筹备期间为目前在任的代表；您的账号须属于其中一位。"));
}
