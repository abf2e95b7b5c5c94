namespace Workforce.Congress.Resolutions;

internal sealed record GetResolution(Guid Id) : IQuery<Resolution>;

internal sealed class GetResolutionHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetResolution, Resolution>
{
    public Task<Resolution> Handle(GetResolution query, CancellationToken cancellationToken) =>
        Resolution.FindAsync(db, actor.TenantId, query.Id, cancellationToken);
}

internal static class GetResolutionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/resolutions/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetResolution(id), ct), response))
        .WithName("GetResolution")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress resolutions")
        .WithSummary("Read a resolution with its progress notes")
        .Produces<Resolution>()
        .ProducesProblems(404);
}
