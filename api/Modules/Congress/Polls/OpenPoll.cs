using Workforce.Congress.Attendance;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Polls;

/// <summary>Opens a draft vote of an open session, only when the session is quorate; the roster it counts against is fixed now.</summary>
internal sealed record OpenPoll(Guid Id) : ICommand<Poll>;

internal sealed class OpenPollHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<OpenPoll, Poll>
{
    public static readonly ProblemCode NoQuorum = new(409, "no_quorum", new("The session is not quorate.", "到会代表未达法定人数。"));

    public async Task<Poll> Handle(OpenPoll request, CancellationToken cancellationToken)
    {
        var poll = await Poll.LockAsync(db, actor.TenantId, request.Id, PollAction.Open, cancellationToken);
        var session = await Session.FindAsync(db, actor.TenantId, poll.SessionId, cancellationToken);
        session.Require(new("opening a vote", "开始投票"), SessionStatus.Open);
        var quorum = await Quorum.OfAsync(db, actor.TenantId, session.Id, cancellationToken);
        if (!quorum.Reached)
        {
            throw NoQuorum.With(new(
                $"{quorum.Present} of {quorum.RosterSize} representatives are present; a vote needs more than two thirds, {quorum.Needed}.",
                $"应到代表 {quorum.RosterSize} 人，实到 {quorum.Present} 人；表决须有全体代表的三分之二以上到会，即至少 {quorum.Needed} 人。"));
        }
        await db.ExecuteAsync(
            """
            UPDATE congress.polls SET status = @To, roster_size = @RosterSize, opened_at = @Now, version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id
            """,
            new { Tenant = actor.TenantId, request.Id, To = poll.To.ToDbText(), quorum.RosterSize }, cancellationToken);
        outbox.Publish(actor.TenantId, PollEvents.Opened(poll.Kind), request.Id, new { Id = request.Id, SessionId = session.Id });
        return await Poll.FindAsync(db, actor.TenantId, request.Id, cancellationToken);
    }
}

internal static class OpenPollEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/polls/{id:guid}/open", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new OpenPoll(id), ct))
        .WithName("OpenPoll")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress votes")
        .WithSummary("Open a motion, election or evaluation for voting (the session must be quorate)")
        .Produces<Poll>()
        .ProducesProblems(404, 409);
}
