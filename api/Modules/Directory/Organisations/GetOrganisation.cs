namespace Workforce.Directory.Organisations;

internal sealed record GetOrganisation(Guid OrganisationId) : IQuery<Organisation>;

internal sealed class GetOrganisationHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetOrganisation, Organisation>
{
    public async Task<Organisation> Handle(GetOrganisation request, CancellationToken cancellationToken) =>
        await Organisation.FindVisibleAsync(db, request.OrganisationId, actor.TenantId, forUpdate: false, cancellationToken)
            ?? throw Organisation.NotFound(request.OrganisationId);
}

internal static class GetOrganisationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/organisations/{id:guid}", async (Guid id, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetOrganisation(id), ct), response))
        .WithName("GetOrganisation")
        .RequirePermission(DirectoryPermissions.OrganisationsRead)
        .WithTags("Organisations")
        .WithSummary("Get one organisation, with its ETag")
        .Produces<Organisation>()
        .ProducesProblems(404);
}
