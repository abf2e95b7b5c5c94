using Workforce.BuildingBlocks.Protection;

namespace Workforce.Directory.Workers;

internal sealed record GetWorker(Guid WorkerId) : IQuery<Worker>;

internal sealed class GetWorkerHandler(DbSession db, CurrentActor actor, SensitiveData sensitive) : IRequestHandler<GetWorker, Worker>
{
    public async Task<Worker> Handle(GetWorker request, CancellationToken cancellationToken)
    {
        var worker = await Worker.FindAsync(db, actor.TenantId, request.WorkerId, forUpdate: false, cancellationToken)
            ?? throw Worker.NotFound(request.WorkerId);
        return worker.Revealed(sensitive);
    }
}

internal static class GetWorkerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/workers/{id:guid}", async (Guid id, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetWorker(id), ct), response))
        .WithName("GetWorker")
        .RequirePermission(DirectoryPermissions.WorkersRead)
        .WithTags("Workers")
        .WithSummary("Get a worker's full record, with its ETag")
        .Produces<Worker>()
        .ProducesProblems(404);
}
