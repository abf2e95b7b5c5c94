using System.Text.Json.Serialization;
using Workforce.Congress.Polls;

namespace Workforce.Congress.Ballots;

internal sealed record PaperCount
{
    public int? Item { get; init; }
    public Choice? Choice { get; init; }
    public int? Count { get; init; }
}

internal sealed record PaperCounts(Guid PollId, int PaperBallots, IReadOnlyList<PaperCount> Counts);

/// <summary>
/// The tellers' count of the paper ballots, per item and choice, replacing any count entered before. No item can have
/// more marks than there were paper ballots (blank and spoilt ones make up the rest), and no paper ballot more
/// candidates than seats.
/// </summary>
internal sealed record RecordPaperCounts : ICommand<PaperCounts>
{
    [JsonIgnore] public Guid PollId { get; init; }

    public IReadOnlyList<PaperCount>? Counts { get; init; }
}

internal sealed class RecordPaperCountsValidator : AbstractValidator<RecordPaperCounts>
{
    public RecordPaperCountsValidator()
    {
        RuleFor(c => c.Counts).NotNull().Must(c => c!.Count <= 1000).WithMessage(new Words("At most 1,000 counts.", "最多 1000 条票数。"));
        RuleForEach(c => c.Counts).ChildRules(count =>
        {
            count.RuleFor(c => c.Item).NotNull();
            count.RuleFor(c => c.Choice).NotNull().IsInEnum();
            count.RuleFor(c => c.Count).NotNull().GreaterThanOrEqualTo(0);
        });
    }
}

internal sealed class RecordPaperCountsHandler(DbSession db, CurrentActor actor) : IRequestHandler<RecordPaperCounts, PaperCounts>
{
    public static readonly ProblemCode NoPaperVoters = new(409, "no_paper_voters", new("Nobody voted on paper.", "没有登记投纸质票的代表。"));

    public async Task<PaperCounts> Handle(RecordPaperCounts request, CancellationToken cancellationToken)
    {
        await Poll.LockAsync(db, actor.TenantId, request.PollId, PollAction.RecordPaperCounts, cancellationToken);
        var poll = await Poll.FindAsync(db, actor.TenantId, request.PollId, cancellationToken);
        var ballots = await db.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM congress.voter_roll WHERE tenant_id = @Tenant AND poll_id = @Poll AND channel = 'paper'",
            new { Tenant = actor.TenantId, Poll = poll.Id }, cancellationToken);
        if (ballots == 0)
        {
            throw NoPaperVoters.With(new("Nobody is marked as having voted on paper; mark the paper voters first.", "还没有登记投纸质票的代表，请先登记纸质投票人。"));
        }

        var counts = request.Counts!;
        var errors = new Dictionary<string, string[]>();
        var codes = new short[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i].Item < 1 || counts[i].Item > poll.Items.Count)
            {
                errors[$"counts[{i}].item"] = [Choices.ItemRange(poll.Items.Count).Said];
            }
            else if (Choices.Code(poll.Kind, counts[i].Choice!.Value) is { } code)
            {
                codes[i] = code;
            }
            else
            {
                errors[$"counts[{i}].choice"] = [Choices.Allowed(poll.Kind).Said];
            }
        }
        var entries = counts.Select((c, i) => (Item: c.Item!.Value, Code: codes[i], Count: c.Count!.Value, Index: i)).ToList();
        foreach (var twice in entries.GroupBy(e => (e.Item, e.Code)).Where(g => g.Count() > 1))
        {
            errors[$"counts[{twice.Last().Index}]"] = [new Words("This item and choice are counted twice.", "同一项的同一选项录入了两次。").Said];
        }
        foreach (var item in entries.GroupBy(e => e.Item).Where(g => g.Sum(e => e.Count) > ballots && poll.Kind != PollKind.Election))
        {
            errors[$"counts[{item.First().Index}].count"] =
                [new Words($"Item {item.Key} has more marks than the {ballots} paper ballots.", $"第 {item.Key} 项的票数多于纸质票总数 {ballots} 张。").Said];
        }
        foreach (var candidate in entries.Where(e => poll.Kind == PollKind.Election && e.Count > ballots))
        {
            errors[$"counts[{candidate.Index}].count"] =
                [new Words($"A candidate cannot have more votes than the {ballots} paper ballots.", $"候选人的得票不能多于纸质票总数 {ballots} 张。").Said];
        }
        if (poll.Kind == PollKind.Election && entries.Sum(e => e.Count) > ballots * poll.Seats)
        {
            errors["counts"] = [new Words($"{ballots} paper ballots select at most {ballots * poll.Seats} candidates in all.",
                $"{ballots} 张纸质票合计最多选 {ballots * poll.Seats} 名候选人。").Said];
        }
        if (errors.Count > 0)
        {
            throw ProblemException.Validation(errors);
        }

        await db.ExecuteAsync(
            """
            DELETE FROM congress.paper_counts WHERE tenant_id = @Tenant AND poll_id = @Poll;
            INSERT INTO congress.paper_counts (tenant_id, poll_id, item, choice, count)
            SELECT @Tenant, @Poll, c.item, c.choice, c.count FROM unnest(@Items, @Codes, @Counts) AS c (item, choice, count);
            """,
            new
            {
                Tenant = actor.TenantId,
                Poll = poll.Id,
                Items = entries.Select(e => e.Item).ToArray(),
                Codes = entries.Select(e => e.Code).ToArray(),
                Counts = entries.Select(e => e.Count).ToArray(),
            },
            cancellationToken);
        return new PaperCounts(poll.Id, ballots, counts);
    }
}

internal static class RecordPaperCountsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/polls/{id:guid}/paper-counts", (Guid id, RecordPaperCounts command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { PollId = id }, ct))
        .WithName("RecordPaperCounts")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress votes")
        .WithSummary("Enter the tellers' counts of the paper ballots, per item and choice")
        .Produces<PaperCounts>()
        .ProducesProblems(404, 409, 422);
}
