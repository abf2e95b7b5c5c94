namespace Workforce.Congress.Sessions;

/// <summary>Files a closed session away: from then on nothing of it changes.</summary>
internal sealed record ArchiveSession(Guid Id, int ExpectedVersion) : ICommand<Session>;

internal sealed class ArchiveSessionHandler(DbSession db, CurrentActor actor) : IRequestHandler<ArchiveSession, Session>
{
    public async Task<Session> Handle(ArchiveSession request, CancellationToken cancellationToken)
    {
        var session = await Session.LockAsync(db, actor.TenantId, request.Id, request.ExpectedVersion, new("archiving", "归档"), cancellationToken, SessionStatus.Closed);
        return await Session.UpdateAsync(db, "status = 'archived'", new { Tenant = actor.TenantId, session.Id }, cancellationToken);
    }
}

internal static class ArchiveSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/archive", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new ArchiveSession(id, Concurrency.ExpectedVersion(request)), ct), request.HttpContext.Response))
        .WithName("ArchiveSession")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress sessions")
        .WithSummary("Archive a closed session (needs If-Match)")
        .Produces<Session>()
        .ProducesProblems(404, 409, 412, 428);
}
