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
        RuleFor(c => c.Counts).NotNull().Must(c => c!.Count <= 1000).WithMessage("At most 1,000 counts.");
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
    public async Task<PaperCounts> Handle(RecordPaperCounts request, CancellationToken cancellationToken)
    {
        await Poll.LockAsync(db, actor.TenantId, request.PollId, PollAction.RecordPaperCounts, cancellationToken);
        var poll = await Poll.FindAsync(db, actor.TenantId, request.PollId, cancellationToken);
        var ballots = await db.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM congress.voter_roll WHERE tenant_id = @Tenant AND poll_id = @Poll AND channel = 'paper'",
            new { Tenant = actor.TenantId, Poll = poll.Id }, cancellationToken);
        if (ballots == 0)
        {
            throw ProblemException.Conflict("no_paper_voters", "Nobody is marked as having voted on paper; mark the paper voters first.");
        }

        var counts = request.Counts!;
        var errors = new Dictionary<string, string[]>();
        var codes = new short[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i].Item < 1 || counts[i].Item > poll.Items.Count)
            {
                errors[$"counts[{i}].item"] = [$"Name an item from 1 to {poll.Items.Count}."];
            }
            else if (Choices.Code(poll.Kind, counts[i].Choice!.Value) is { } code)
            {
                codes[i] = code;
            }
            else
            {
                errors[$"counts[{i}].choice"] = [$"Choose {Choices.Allowed(poll.Kind)}."];
            }
        }
        var entries = counts.Select((c, i) => (Item: c.Item!.Value, Code: codes[i], Count: c.Count!.Value, Index: i)).ToList();
        foreach (var twice in entries.GroupBy(e => (e.Item, e.Code)).Where(g => g.Count() > 1))
        {
            errors[$"counts[{twice.Last().Index}]"] = ["This item and choice are counted twice."];
        }
        foreach (var item in entries.GroupBy(e => e.Item).Where(g => g.Sum(e => e.Count) > ballots && poll.Kind != PollKind.Election))
        {
            errors[$"counts[{item.First().Index}].count"] = [$"Item {item.Key} has more marks than the {ballots} paper ballots."];
        }
        foreach (var candidate in entries.Where(e => poll.Kind == PollKind.Election && e.Count > ballots))
        {
            errors[$"counts[{candidate.Index}].count"] = [$"A candidate cannot have more votes than the {ballots} paper ballots."];
        }
        if (poll.Kind == PollKind.Election && entries.Sum(e => e.Count) > ballots * poll.Seats)
        {
            errors["counts"] = [$"{ballots} paper ballots select at most {ballots * poll.Seats} candidates in all."];
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
