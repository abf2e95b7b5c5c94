namespace Workforce.Congress.Sessions;

internal sealed record GetSession(Guid Id) : IQuery<Session>;

internal sealed class GetSessionHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetSession, Session>
{
    public Task<Session> Handle(GetSession query, CancellationToken cancellationToken) =>
        Session.FindAsync(db, actor.TenantId, query.Id, cancellationToken);
}

internal static class GetSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sessions/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetSession(id), ct), response))
        .WithName("GetSession")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress sessions")
        .WithSummary("Read a congress session")
        .Produces<Session>()
        .ProducesProblems(404);
}
