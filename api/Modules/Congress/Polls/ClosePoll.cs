using System.Text.Json;
using Workforce.Congress.Contracts;
using Workforce.Congress.Resolutions;

namespace Workforce.Congress.Polls;

/// <summary>
/// Closes a vote and counts it. Its ballots and receipts are then rewritten in random order under new random ids, in
/// this one transaction, so neither their place on disk nor the transaction that wrote them tells who cast which.
/// Each passed motion item becomes a resolution, announced as <see cref="ResolutionAdopted"/>.
/// </summary>
internal sealed record ClosePoll(Guid Id) : ICommand<Poll>;

internal sealed class ClosePollHandler(DbSession db, CurrentActor actor, Outbox outbox, IMediator mediator, TimeProvider clock)
    : IRequestHandler<ClosePoll, Poll>
{
    public static readonly ProblemCode PaperCountsMissing = new(409, "paper_counts_missing", new("The paper ballots are not counted yet.", "纸质票尚未录入票数。"));

    public async Task<Poll> Handle(ClosePoll request, CancellationToken cancellationToken)
    {
        var locked = await Poll.LockAsync(db, actor.TenantId, request.Id, PollAction.Close, cancellationToken);
        var parameters = new { Tenant = actor.TenantId, request.Id };
        var paper = await db.QuerySingleAsync<(int Voters, int Counts)>(
            """
            SELECT (SELECT count(*)::int FROM congress.voter_roll WHERE tenant_id = @Tenant AND poll_id = @Id AND channel = 'paper'),
                   (SELECT count(*)::int FROM congress.paper_counts WHERE tenant_id = @Tenant AND poll_id = @Id)
            """,
            parameters, cancellationToken);
        if (paper.Voters > 0 && paper.Counts == 0)
        {
            throw PaperCountsMissing.With(new($"{paper.Voters} representatives voted on paper; enter the tellers' counts before closing.",
                $"有 {paper.Voters} 名代表投了纸质票，请先录入计票人统计的票数，再结束投票。"));
        }

        var poll = await Poll.FindAsync(db, actor.TenantId, request.Id, cancellationToken);
        var results = await Tally.CountAsync(db, actor.TenantId, poll, cancellationToken);
        await db.ExecuteAsync(
            """
            WITH moved AS (DELETE FROM congress.ballots WHERE tenant_id = @Tenant AND poll_id = @Id RETURNING choices)
            INSERT INTO congress.ballots (tenant_id, poll_id, id, choices)
            SELECT @Tenant, @Id, gen_random_uuid(), choices FROM moved ORDER BY random();
            WITH moved AS (DELETE FROM congress.receipts WHERE tenant_id = @Tenant AND poll_id = @Id RETURNING hash)
            INSERT INTO congress.receipts (tenant_id, poll_id, hash) SELECT @Tenant, @Id, hash FROM moved ORDER BY random();
            UPDATE congress.polls SET status = @To, results = @Results::jsonb, paper_ballots = @Paper, closed_at = @Now,
                                      version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id;
            """,
            new { Tenant = actor.TenantId, request.Id, To = locked.To.ToDbText(), Results = JsonSerializer.Serialize(results, PollResults.Json), Paper = results.PaperBallots },
            cancellationToken);
        outbox.Publish(actor.TenantId, PollEvents.Closed(poll.Kind), poll.Id, new { poll.Id, poll.SessionId, Results = results });

        foreach (var item in results.Items.Where(i => i.Passed == true))
        {
            await AdoptAsync(poll, item, cancellationToken);
        }
        return await Poll.FindAsync(db, actor.TenantId, request.Id, cancellationToken);
    }

    private async Task AdoptAsync(Poll motion, ItemResult item, CancellationToken ct)
    {
        var adopted = new ResolutionAdopted(actor.TenantId, Guid.CreateVersion7(), motion.SessionId, motion.Id, item.Number,
            motion.Itemised ? $"{motion.Title}：{item.Title}" : motion.Title, clock.GetUtcNow());
        await db.ExecuteAsync(
            """
            INSERT INTO congress.resolutions (tenant_id, id, session_id, poll_id, item, title, adopted_at)
            VALUES (@TenantId, @ResolutionId, @SessionId, @MotionId, @Item, @Title, @AdoptedAt)
            """,
            adopted, ct);
        outbox.Publish(actor.TenantId, ResolutionEvents.Adopted, adopted.ResolutionId, adopted);
        await mediator.Publish(adopted, ct);
    }
}

internal static class ClosePollEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/polls/{id:guid}/close", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ClosePoll(id), ct))
        .WithName("ClosePoll")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress votes")
        .WithSummary("Close a vote and count it; passed motion items become resolutions")
        .Produces<Poll>()
        .ProducesProblems(404, 409);
}
