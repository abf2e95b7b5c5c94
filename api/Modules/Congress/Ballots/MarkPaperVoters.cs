using System.Text.Json.Serialization;
using Workforce.Congress.Polls;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Ballots;

internal sealed record PaperVoters(Guid PollId, int Marked, int PaperVotersInAll);

/// <summary>
/// Staff mark on the roll the representatives who voted on paper in the hall (hybrid and offline sessions). Someone who
/// voted online cannot also vote on paper, nor the other way round: the whole list is refused.
/// </summary>
internal sealed record MarkPaperVoters : ICommand<PaperVoters>
{
    [JsonIgnore] public Guid PollId { get; init; }

    public IReadOnlyList<Guid>? RepresentativeIds { get; init; }
}

internal sealed class MarkPaperVotersValidator : AbstractValidator<MarkPaperVoters>
{
    public MarkPaperVotersValidator() => RuleFor(c => c.RepresentativeIds).NotEmpty()
        .Must(ids => ids!.Count <= 5000).WithMessage(new Words("At most 5,000 at once.", "一次最多 5000 人。"))
        .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage(new Words("Name each representative once.", "每位代表只能列出一次。"));
}

internal sealed class MarkPaperVotersHandler(DbSession db, CurrentActor actor) : IRequestHandler<MarkPaperVoters, PaperVoters>
{
    public static readonly ProblemCode Refused = new(409, "paper_voters_refused", new("Some of these cannot vote on paper.", "其中有代表不能投纸质票。"));

    public async Task<PaperVoters> Handle(MarkPaperVoters request, CancellationToken cancellationToken)
    {
        var poll = await Poll.LockAsync(db, actor.TenantId, request.PollId, PollAction.MarkPaperVoters, cancellationToken);
        var session = await Session.FindAsync(db, actor.TenantId, poll.SessionId, cancellationToken);
        if (session.Mode == SessionMode.Online)
        {
            throw Session.HeldOnline.With(new("The session is held online; there are no paper ballots.", "本次会议在线上召开，没有纸质票。"));
        }
        var ids = request.RepresentativeIds!.ToArray();
        var refused = await db.QueryAsync<(Guid Id, bool OnRoster)>(
            """
            SELECT named.representative_id, r.representative_id IS NOT NULL
            FROM unnest(@Ids) AS named (representative_id)
            LEFT JOIN congress.roster r ON r.tenant_id = @Tenant AND r.session_id = @Session AND r.representative_id = named.representative_id
            WHERE r.representative_id IS NULL
               OR EXISTS (SELECT 1 FROM congress.voter_roll v
                          WHERE v.tenant_id = @Tenant AND v.poll_id = @Poll AND v.representative_id = named.representative_id)
            """,
            new { Tenant = actor.TenantId, Session = session.Id, Poll = request.PollId, Ids = ids }, cancellationToken);
        if (refused.Count > 0)
        {
            throw Refused.With(new("Some of these cannot vote on paper; nothing was marked.", "其中有代表不能投纸质票，本次未登记任何人。"),
                refused.ToDictionary(r => $"representativeIds[{Array.IndexOf(ids, r.Id)}]", r => new[]
                {
                    (r.OnRoster ? new Words("Has already voted on this, online or on paper.", "已在线上或以纸质票投过票。")
                        : new Words("Not on the session's roster.", "不在本次会议的代表名单中。")).Said,
                }));
        }
        var inAll = await db.ExecuteScalarAsync<int>(
            """
            INSERT INTO congress.voter_roll (tenant_id, poll_id, representative_id, channel) SELECT @Tenant, @Poll, named.id, 'paper' FROM unnest(@Ids) AS named (id);
            SELECT count(*)::int FROM congress.voter_roll WHERE tenant_id = @Tenant AND poll_id = @Poll AND channel = 'paper';
            """,
            new { Tenant = actor.TenantId, Poll = request.PollId, Ids = ids }, cancellationToken);
        return new PaperVoters(request.PollId, ids.Length, inAll);
    }
}

internal static class MarkPaperVotersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/polls/{id:guid}/paper-voters", (Guid id, MarkPaperVoters command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { PollId = id }, ct))
        .WithName("MarkPaperVoters")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress votes")
        .WithSummary("Mark on the roll who voted on paper in the hall (hybrid and offline sessions)")
        .Produces<PaperVoters>()
        .ProducesProblems(404, 409, 422);
}
