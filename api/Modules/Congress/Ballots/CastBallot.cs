using System.Text.Json.Serialization;
using Workforce.BuildingBlocks.Protection;
using Workforce.Congress.Attendance;
using Workforce.Congress.Polls;

namespace Workforce.Congress.Ballots;

/// <summary>What a voter gets back, once: the receipt that proves their ballot was counted, and nothing of what it says.</summary>
internal sealed record BallotReceipt(Guid PollId, string Receipt);

/// <summary>
/// The signed-in representative casts a secret ballot. In one transaction the roll is marked (who voted, online) and
/// the ballot dropped in the box (what was chosen, under a random id, with nothing that leads back to the voter); a
/// second ballot from the same representative, online or on paper, is refused.
/// </summary>
internal sealed record CastBallot : ICommand<BallotReceipt>
{
    [JsonIgnore] public Guid PollId { get; init; }

    /// <summary>Motions: every item for, against or abstain. Elections: the candidates selected, at most one per seat. Evaluations: every manager rated.</summary>
    public IReadOnlyList<ItemChoice>? Choices { get; init; }
}

internal sealed class CastBallotValidator : AbstractValidator<CastBallot>
{
    public CastBallotValidator() => RuleFor(c => c.Choices).NotNull().Must(c => c!.Count <= 200).WithMessage(new Words("At most 200 choices.", "最多 200 项选择。"));
}

internal sealed class CastBallotHandler(DbSession db, CurrentActor actor, SensitiveData sensitive) : IRequestHandler<CastBallot, BallotReceipt>
{
    public static readonly ProblemCode PollNotOpen = new(409, "poll_not_open", new("Voting is not open.", "现在不能投票。"));
    public static readonly ProblemCode AlreadyVoted = new(409, "already_voted", new("You have already voted.", "您已投过票。"));

    private sealed record Target
    {
        public required PollKind Kind { get; init; }
        public required PollStatus Status { get; init; }
        public int? Seats { get; init; }
        public required int Items { get; init; }
        public Guid? Seat { get; init; }
    }

    public async Task<BallotReceipt> Handle(CastBallot request, CancellationToken cancellationToken)
    {
        // FOR SHARE: closing the vote waits for ballots being cast, and ballots cast after it see it closed.
        var target = await db.QuerySingleOrDefaultAsync<Target>(
            """
            SELECT p.kind, p.status, p.seats, r.representative_id AS seat,
                   (SELECT count(*)::int FROM congress.poll_items i WHERE i.tenant_id = p.tenant_id AND i.poll_id = p.id) AS items
            FROM congress.polls p
            LEFT JOIN congress.roster r ON r.tenant_id = p.tenant_id AND r.session_id = p.session_id AND r.worker_id = @Worker
            WHERE p.tenant_id = @Tenant AND p.id = @Poll
            FOR SHARE OF p
            """,
            new { Tenant = actor.TenantId, Poll = request.PollId, Worker = actor.WorkerId }, cancellationToken)
            ?? throw Poll.NotFound(request.PollId);
        var seat = target.Seat ?? throw RosterSeat.NotOnRoster();
        if (target.Status != PollStatus.Open)
        {
            throw PollNotOpen.With(target.Status == PollStatus.Draft ? new("Voting has not opened yet.", "投票尚未开始。") : new("Voting has closed.", "投票已结束。"));
        }
        var choices = Choices.Encode(target.Kind, target.Items, target.Seats, request.Choices!, "choices");
        var receipt = Receipt.New();

        var marked = await db.ExecuteScalarAsync<int>(
            """
            WITH roll AS (
                INSERT INTO congress.voter_roll (tenant_id, poll_id, representative_id, channel) VALUES (@Tenant, @Poll, @Seat, 'online')
                ON CONFLICT DO NOTHING
                RETURNING tenant_id, poll_id),
            box AS (INSERT INTO congress.ballots (tenant_id, poll_id, id, choices) SELECT tenant_id, poll_id, gen_random_uuid(), @Choices FROM roll),
            receipt AS (INSERT INTO congress.receipts (tenant_id, poll_id, hash) SELECT tenant_id, poll_id, @ReceiptHash FROM roll)
            SELECT count(*)::int FROM roll
            """,
            new { Tenant = actor.TenantId, Poll = request.PollId, Seat = seat, Choices = choices, ReceiptHash = sensitive.LookupHash(Receipt.Normalise(receipt)) },
            cancellationToken);
        return marked == 1
            ? new BallotReceipt(request.PollId, receipt)
            : throw AlreadyVoted.With(new("You have already voted on this, online or on paper; a ballot is cast once.", "您已在线上或以纸质票投过票，每人只能投一次。"));
    }
}

internal static class CastBallotEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/my/polls/{id:guid}/ballot", (Guid id, CastBallot command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { PollId = id }, ct))
        .WithName("CastBallot")
        .RequirePermission(CongressPermissions.Attend)
        .KeepNoAnswers()
        .WithTags("Representatives")
        .WithSummary("Cast your secret ballot on an open motion, election or evaluation; the receipt is shown only now")
        .WithDescription("Idempotency-Key is ignored here: nothing of a ballot request or its answer is ever stored. A second ballot is 409.")
        .Produces<BallotReceipt>()
        .ProducesProblems(403, 404, 409, 422);
}
