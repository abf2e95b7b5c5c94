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
        .Must(ids => ids!.Count <= 5000).WithMessage("At most 5,000 at once.")
        .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("Name each representative once.");
}

internal sealed class MarkPaperVotersHandler(DbSession db, CurrentActor actor) : IRequestHandler<MarkPaperVoters, PaperVoters>
{
    public async Task<PaperVoters> Handle(MarkPaperVoters request, CancellationToken cancellationToken)
    {
        var poll = await Poll.LockAsync(db, actor.TenantId, request.PollId, PollAction.MarkPaperVoters, cancellationToken);
        var session = await Session.FindAsync(db, actor.TenantId, poll.SessionId, cancellationToken);
        if (session.Mode == SessionMode.Online)
        {
            throw ProblemException.Conflict("online_session", "The session is held online; there are no paper ballots.");
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
            throw ProblemException.Conflict("paper_voters_refused", "Some of these cannot vote on paper; nothing was marked.",
                refused.ToDictionary(r => $"representativeIds[{Array.IndexOf(ids, r.Id)}]",
                    r => new[] { r.OnRoster ? "Has already voted on this, online or on paper." : "Not on the session's roster." }));
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
