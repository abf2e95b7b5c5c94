using System.Text.Json.Serialization;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Attendance;

/// <summary>Staff record a representative's check-in at the venue (on site, on the paper sign-in sheet, or by staff for them).</summary>
internal sealed record RecordCheckIn : ICommand<CheckInRecord>
{
    [JsonIgnore] public Guid SessionId { get; init; }

    public Guid? RepresentativeId { get; init; }
    public CheckInChannel? Channel { get; init; }
}

internal sealed class RecordCheckInValidator : AbstractValidator<RecordCheckIn>
{
    public RecordCheckInValidator()
    {
        RuleFor(c => c.RepresentativeId).NotEmpty();
        RuleFor(c => c.Channel).NotNull().IsInEnum().NotEqual(CheckInChannel.Online)
            .WithMessage(new Words("Staff record on-site, paper-sheet or proxy check-ins; representatives check in online themselves.",
                "工作人员只登记现场签到、纸质签到表签到或代签；线上签到由代表本人进行。"));
    }
}

internal sealed class RecordCheckInHandler(DbSession db, CurrentActor actor) : IRequestHandler<RecordCheckIn, CheckInRecord>
{
    public static readonly ProblemCode AlreadyCheckedIn = new(409, "already_checked_in", new("Already checked in.", "已签到。"));

    public async Task<CheckInRecord> Handle(RecordCheckIn request, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, request.SessionId, cancellationToken);
        session.Require(new("recording a check-in", "登记签到"), SessionStatus.Open);
        if (session.Mode == SessionMode.Online)
        {
            throw Session.HeldOnline.With(new("The session is held online; representatives check in themselves.", "本次会议在线上召开，由代表本人线上签到。"));
        }
        var onRoster = await db.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM congress.roster WHERE tenant_id = @Tenant AND session_id = @Session AND representative_id = @Representative)",
            new { Tenant = actor.TenantId, Session = session.Id, Representative = request.RepresentativeId }, cancellationToken);
        if (!onRoster)
        {
            throw ProblemException.UnknownReference("representativeId", new Words("This representative is not on the session's roster.", "该代表不在本次会议的代表名单中。"));
        }
        return await InsertAsync(db, actor.TenantId, session.Id, request.RepresentativeId!.Value, request.Channel!.Value, cancellationToken);
    }

    /// <summary>Checks a representative in once: a second check-in, by any channel, is 409.</summary>
    public static async Task<CheckInRecord> InsertAsync(DbSession db, Guid tenant, Guid session, Guid representative, CheckInChannel channel, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<CheckInRecord>(
            """
            INSERT INTO congress.check_ins (tenant_id, session_id, representative_id, channel) VALUES (@Tenant, @Session, @Representative, @Channel)
            ON CONFLICT DO NOTHING
            RETURNING representative_id, channel, checked_in_at
            """,
            new { Tenant = tenant, Session = session, Representative = representative, Channel = channel.ToDbText() }, ct)
        ?? throw AlreadyCheckedIn.With(new("This representative has already checked in to the session.", "该代表已签到，不能重复签到。"));
}

internal static class RecordCheckInEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/check-ins", (Guid id, RecordCheckIn command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { SessionId = id }, ct))
        .WithName("RecordCheckIn")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress attendance")
        .WithSummary("Record a representative's offline check-in and its channel")
        .Produces<CheckInRecord>()
        .ProducesProblems(404, 409, 422);
}
