namespace Workforce.Congress.Sessions;

/// <summary>Closes an open session once none of its votes is still open; its open agenda steps close with it.</summary>
internal sealed record CloseSession(Guid Id, int ExpectedVersion) : ICommand<Session>;

internal sealed class CloseSessionHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<CloseSession, Session>
{
    public static readonly ProblemCode VotesOpen = new(409, "votes_open", new("Some votes are still open.", "还有投票没有结束。"));

    public async Task<Session> Handle(CloseSession request, CancellationToken cancellationToken)
    {
        var session = await Session.LockAsync(db, actor.TenantId, request.Id, request.ExpectedVersion, new("closing", "闭会"), cancellationToken, SessionStatus.Open);
        var stillOpen = await db.QueryAsync<string>(
            "SELECT title FROM congress.polls WHERE tenant_id = @Tenant AND session_id = @Id AND status = 'open' ORDER BY created_at",
            new { Tenant = actor.TenantId, session.Id }, cancellationToken);
        if (stillOpen.Count > 0)
        {
            throw VotesOpen.With(new($"Close these votes first: {string.Join("; ", stillOpen)}.", $"请先结束以下投票：{string.Join("；", stillOpen)}。"));
        }
        await db.ExecuteAsync(
            "UPDATE congress.agenda_steps SET status = 'closed' WHERE tenant_id = @Tenant AND session_id = @Id AND status = 'open'",
            new { Tenant = actor.TenantId, session.Id }, cancellationToken);
        var closed = await Session.UpdateAsync(db, "status = 'closed', closed_at = @Now", new { Tenant = actor.TenantId, session.Id }, cancellationToken);
        outbox.Publish(actor.TenantId, SessionEvents.Closed, closed.Id, new { closed.Id, closed.Name });
        return closed;
    }
}

internal static class CloseSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/close", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new CloseSession(id, Concurrency.ExpectedVersion(request)), ct), request.HttpContext.Response))
        .WithName("CloseSession")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress sessions")
        .WithSummary("Close an open session once all its votes are closed (needs If-Match)")
        .Produces<Session>()
        .ProducesProblems(404, 409, 412, 428);
}
