using Workforce.Congress.Sessions;

namespace Workforce.Congress.Polls;

internal sealed record ListPolls(Guid SessionId) : IQuery<IReadOnlyList<Poll>>;

internal sealed class ListPollsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListPolls, IReadOnlyList<Poll>>
{
    public async Task<IReadOnlyList<Poll>> Handle(ListPolls query, CancellationToken cancellationToken)
    {
        await Session.FindAsync(db, actor.TenantId, query.SessionId, cancellationToken);
        return await Poll.OfSessionAsync(db, actor.TenantId, query.SessionId, cancellationToken);
    }
}

internal static class ListPollsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sessions/{id:guid}/polls", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListPolls(id), ct))
        .WithName("ListPolls")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress votes")
        .WithSummary("List a session's motions, elections and evaluations, in the order they were added")
        .Produces<IReadOnlyList<Poll>>()
        .ProducesProblems(404);
}
