namespace Workforce.Access.Clients;

internal sealed record GetApiClient(Guid ClientId) : IQuery<ApiClient>;

internal sealed class GetApiClientHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetApiClient, ApiClient>
{
    public async Task<ApiClient> Handle(GetApiClient request, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<ApiClient>(
            $"SELECT {ApiClient.Columns} FROM access.api_clients c WHERE c.tenant_id = @Tenant AND c.id = @Id",
            new { Tenant = actor.TenantId, Id = request.ClientId }, cancellationToken)
        ?? throw ApiClient.NotFound(request.ClientId);
}

internal static class GetApiClientEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/clients/{id:guid}", async (Guid id, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetApiClient(id), ct), response))
        .RequirePermission(AccessPermissions.ClientsManage)
        .WithName("GetApiClient")
        .WithTags("API clients")
        .WithSummary("Get an API client (never its key)")
        .Produces<ApiClient>()
        .ProducesProblems(401, 403, 404);
}
