namespace Workforce.Congress.Attendance;

/// <summary>Attendance against the roster: a session is quorate when more than two thirds of all its representatives are present.</summary>
internal sealed record Quorum(int RosterSize, int Present)
{
    public int Needed => RosterSize * 2 / 3 + 1;
    public bool Reached => Present >= Needed;

    public static async Task<Quorum> OfAsync(DbSession db, Guid tenant, Guid sessionId, CancellationToken ct) =>
        await db.QuerySingleAsync<Quorum>(
            """
            SELECT coalesce(s.roster_size, 0) AS roster_size,
                   (SELECT count(*)::int FROM congress.check_ins c WHERE c.tenant_id = s.tenant_id AND c.session_id = s.id) AS present
            FROM congress.sessions s WHERE s.tenant_id = @Tenant AND s.id = @SessionId
            """,
            new { Tenant = tenant, SessionId = sessionId }, ct);
}
