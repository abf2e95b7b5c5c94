namespace Workforce.Directory.Representatives;

internal sealed record GetRepresentative(Guid RepresentativeId) : IQuery<Representative>;

internal sealed class GetRepresentativeHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetRepresentative, Representative>
{
    public async Task<Representative> Handle(GetRepresentative request, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<Representative>(
            $"SELECT {Representative.Columns} FROM directory.representatives r {Representative.Joins} WHERE r.tenant_id = @Tenant AND r.id = @Id",
            new { Tenant = actor.TenantId, Id = request.RepresentativeId }, cancellationToken)
        ?? throw Representative.NotFound(request.RepresentativeId);
}

internal static class GetRepresentativeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/representatives/{id:guid}", async (Guid id, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetRepresentative(id), ct), response))
        .WithName("GetRepresentative")
        .RequirePermission(DirectoryPermissions.RepresentativesRead)
        .WithTags("Representatives")
        .WithSummary("Get one representative appointment, with its ETag")
        .Produces<Representative>()
        .ProducesProblems(404);
}
