using Workforce.Congress.Sessions;

namespace Workforce.Congress.Agenda;

internal sealed record GetAgenda(Guid SessionId) : IQuery<IReadOnlyList<AgendaStep>>;

internal sealed class GetAgendaHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetAgenda, IReadOnlyList<AgendaStep>>
{
    public async Task<IReadOnlyList<AgendaStep>> Handle(GetAgenda query, CancellationToken cancellationToken)
    {
        await Session.FindAsync(db, actor.TenantId, query.SessionId, cancellationToken);
        return await AgendaStep.ListAsync(db, actor.TenantId, query.SessionId, cancellationToken);
    }
}

internal static class GetAgendaEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sessions/{id:guid}/agenda", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAgenda(id), ct))
        .WithName("GetAgenda")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress agenda")
        .WithSummary("Read a session's agenda, in order")
        .Produces<IReadOnlyList<AgendaStep>>()
        .ProducesProblems(404);
}
