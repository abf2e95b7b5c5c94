namespace Workforce.Congress.Polls;

internal sealed record GetPoll(Guid Id) : IQuery<Poll>;

internal sealed class GetPollHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetPoll, Poll>
{
    public Task<Poll> Handle(GetPoll query, CancellationToken cancellationToken) => Poll.FindAsync(db, actor.TenantId, query.Id, cancellationToken);
}

internal static class GetPollEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/polls/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetPoll(id), ct), response))
        .WithName("GetPoll")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress votes")
        .WithSummary("Read a motion, election or evaluation: turnout while open, results once closed")
        .Produces<Poll>()
        .ProducesProblems(404);
}
