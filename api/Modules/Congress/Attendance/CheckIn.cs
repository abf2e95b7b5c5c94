using Workforce.Congress.Sessions;

namespace Workforce.Congress.Attendance;

internal enum CheckInChannel { Online, OnSite, PaperSheet, ProxyStaff }

internal sealed record CheckInRecord
{
    public required Guid RepresentativeId { get; init; }
    public required CheckInChannel Channel { get; init; }
    public required DateTimeOffset CheckedInAt { get; init; }
}

/// <summary>
/// The signed-in representative checks in online to an open session. Where the agenda has check-in steps, one held
/// online must be open; an offline session's check-ins are recorded by staff.
/// </summary>
internal sealed record CheckIn(Guid SessionId) : ICommand<CheckInRecord>;

internal static class OnlineCheckIn
{
    /// <summary>Whether an open session takes online check-ins now: it is not held offline, and where its agenda has check-in steps, one held online is open.</summary>
    public static async Task<bool> IsOpenAsync(DbSession db, Guid tenant, Session session, CancellationToken ct)
    {
        if (session.Status != SessionStatus.Open || session.Mode == SessionMode.Offline)
        {
            return false;
        }
        var steps = await db.QuerySingleAsync<(long All, long OpenOnline)>(
            """
            SELECT count(*), count(*) FILTER (WHERE status = 'open' AND channel = 'online')
            FROM congress.agenda_steps WHERE tenant_id = @Tenant AND session_id = @Session AND kind = 'checkIn'
            """,
            new { Tenant = tenant, Session = session.Id }, ct);
        return steps.All == 0 || steps.OpenOnline > 0;
    }
}

internal sealed class CheckInHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<CheckIn, CheckInRecord>
{
    public static readonly ProblemCode OnlineCheckInClosed = new(409, "online_check_in_closed", new("Online check-in is not open.", "线上签到未开放。"));

    public async Task<CheckInRecord> Handle(CheckIn request, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, request.SessionId, cancellationToken);
        var seat = await RosterSeat.OfAsync(db, mediator, actor, session, cancellationToken);
        session.Require(new("checking in", "签到"), SessionStatus.Open);
        if (!await OnlineCheckIn.IsOpenAsync(db, actor.TenantId, session, cancellationToken))
        {
            throw OnlineCheckInClosed.With(new("Online check-in is not open for this session; check in with the staff on site.",
                "本次会议现在不能线上签到，请到会场由工作人员登记签到。"));
        }
        return await RecordCheckInHandler.InsertAsync(db, actor.TenantId, session.Id, seat, CheckInChannel.Online, cancellationToken);
    }
}

internal static class CheckInEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/my/sessions/{id:guid}/check-in", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new CheckIn(id), ct))
        .WithName("CheckIn")
        .RequirePermission(CongressPermissions.Attend)
        .WithTags("Representatives")
        .WithSummary("Check in online to an open session of which you are a representative")
        .Produces<CheckInRecord>()
        .ProducesProblems(403, 404, 409);
}
