namespace Workforce.Congress.Attendance;

/// <summary>The signed-in representative's place on a session's roster, found by the worker their account belongs to.</summary>
internal static class RosterSeat
{
    public static async Task<Guid> OfAsync(DbSession db, CurrentActor actor, Guid sessionId, CancellationToken ct)
    {
        var worker = actor.WorkerId ?? throw NotOnRoster();
        var seat = await db.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT representative_id FROM congress.roster WHERE tenant_id = @Tenant AND session_id = @SessionId AND worker_id = @Worker",
            new { Tenant = actor.TenantId, SessionId = sessionId, Worker = worker }, ct);
        return seat ?? throw NotOnRoster();
    }

    public static ProblemException NotOnRoster() => new(403, "not_on_roster", "You are not on this session's roster.",
        "Only the representatives a session was opened with take part in it; your account must belong to one of them.");
}
