namespace Workforce.Directory.Imports;

internal sealed record GetImport(Guid JobId) : IQuery<ImportJob>;

internal sealed class GetImportHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetImport, ImportJob>
{
    public Task<ImportJob> Handle(GetImport request, CancellationToken cancellationToken) =>
        ImportJob.FollowAsync(db, actor, request.JobId, cancellationToken);
}

internal static class GetImportEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetImport(id), ct)))
        .RequirePermission(ImportJob.FollowedWith)
        .WithName("GetImport")
        .WithTags("Imports")
        .WithSummary("Follow an import: its phase, rows read, valid and rejected, percentage and outcome")
        .Produces<ImportJob>()
        .ProducesProblems(401, 403, 404);
}
