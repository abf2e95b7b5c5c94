namespace Workforce.Directory.Imports;

internal sealed record GetImport(Guid JobId) : IQuery<ImportJob>;

internal sealed class GetImportHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetImport, ImportJob>
{
    public async Task<ImportJob> Handle(GetImport request, CancellationToken cancellationToken) =>
        await ImportJob.FindAsync(db, actor.TenantId, request.JobId, cancellationToken) ?? throw ImportJob.NotFound(request.JobId);
}

internal static class GetImportEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/imports/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetImport(id), ct)))
        .RequirePermission(Permissions.Directory.WorkersRead)
        .WithName("GetImport")
        .WithTags("Imports")
        .WithSummary("Follow an import: its phase, rows read, valid and rejected, percentage and outcome")
        .Produces<ImportJob>()
        .ProducesProblems(401, 403, 404);
}
