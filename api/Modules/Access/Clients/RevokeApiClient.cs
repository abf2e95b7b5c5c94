using Workforce.Access.Grants;

namespace Workforce.Access.Clients;

/// <summary>Revoke a client: its key stops working on its very next request.</summary>
internal sealed record RevokeApiClient(Guid ClientId) : ICommand<ApiClient>;

internal sealed class RevokeApiClientHandler(DbSession db, CurrentActor actor) : IRequestHandler<RevokeApiClient, ApiClient>
{
    public async Task<ApiClient> Handle(RevokeApiClient request, CancellationToken cancellationToken)
    {
        var current = await ApiClient.FindForUpdateAsync(db, actor.TenantId, request.ClientId, cancellationToken);
        Authority.RequireMayManage(actor, current.Scopes);
        if (current.Status == ApiClientStatus.Revoked)
        {
            return current;
        }
        return await ApiClient.WriteAsync(db,
            """
            UPDATE access.api_clients SET status = 'revoked', revoked_at = @Now, version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id
            RETURNING *
            """,
            new { Tenant = actor.TenantId, current.Id }, cancellationToken);
    }
}

internal static class RevokeApiClientEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/clients/{id:guid}/revoke", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new RevokeApiClient(id), ct), response))
        .RequirePermission(AccessPermissions.ClientsManage)
        .WithName("RevokeApiClient")
        .WithTags("API clients")
        .WithSummary("Revoke an API client; its key stops working at once")
        .Produces<ApiClient>()
        .ProducesProblems(401, 403, 404);
}
