using Workforce.Congress.Sessions;

namespace Workforce.Congress.Attendance;

internal sealed record AttendanceEntry
{
    public required Guid RepresentativeId { get; init; }
    public required string Name { get; init; }
    public required string EmployeeNumber { get; init; }
    public required string DelegationGroup { get; init; }
    public CheckInChannel? Channel { get; init; }
    public DateTimeOffset? CheckedInAt { get; init; }
}

internal sealed record Attendance
{
    public required int RosterSize { get; init; }
    public required int Present { get; init; }
    public required int QuorumNeeded { get; init; }
    public required bool Quorate { get; init; }
    public required IReadOnlyList<AttendanceEntry> Representatives { get; init; }
}

/// <summary>Live attendance of a session: who is on its roster, who has checked in and how, and whether it is quorate.</summary>
internal sealed record GetAttendance(Guid SessionId) : IQuery<Attendance>;

internal sealed class GetAttendanceHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetAttendance, Attendance>
{
    public async Task<Attendance> Handle(GetAttendance query, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, query.SessionId, cancellationToken);
        var entries = await db.QueryAsync<AttendanceEntry>(
            """
            SELECT r.representative_id, r.name, r.employee_number, r.delegation_group, c.channel, c.checked_in_at
            FROM congress.roster r
            LEFT JOIN congress.check_ins c ON c.tenant_id = r.tenant_id AND c.session_id = r.session_id AND c.representative_id = r.representative_id
            WHERE r.tenant_id = @Tenant AND r.session_id = @Session
            ORDER BY r.position
            """,
            new { Tenant = actor.TenantId, Session = session.Id }, cancellationToken);
        var quorum = new Quorum(entries.Count, entries.Count(e => e.Channel is not null));
        return new Attendance
        {
            RosterSize = quorum.RosterSize, Present = quorum.Present, QuorumNeeded = quorum.Needed, Quorate = quorum.Reached, Representatives = entries,
        };
    }
}

internal static class GetAttendanceEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sessions/{id:guid}/attendance", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAttendance(id), ct))
        .WithName("GetAttendance")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress attendance")
        .WithSummary("Live attendance and quorum (more than two thirds of the roster present)")
        .Produces<Attendance>()
        .ProducesProblems(404);
}
