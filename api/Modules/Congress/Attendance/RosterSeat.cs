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

    public static ProblemException NotOnRoster() => new(403, "not_on_roster", "You are not on this session's roster.",
        "A session is attended by its term's representatives: those serving when it opened, or serving today while it is planned; your account must belong to one of them.");
}
