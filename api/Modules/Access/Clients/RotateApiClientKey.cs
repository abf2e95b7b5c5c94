using Workforce.Access.Authentication;
using Workforce.Access.Grants;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Clients;

/// <summary>Issue a new key for a client; the old one stops working at once.</summary>
internal sealed record RotateApiClientKey(Guid ClientId) : ICommand<IssuedApiClient>;

internal sealed class RotateApiClientKeyHandler(DbSession db, CurrentActor actor) : IRequestHandler<RotateApiClientKey, IssuedApiClient>
{
    public static readonly ProblemCode Revoked = new(409, "api_client_revoked", new("The API client was revoked.", "该 API 客户端已吊销。"));

    public async Task<IssuedApiClient> Handle(RotateApiClientKey request, CancellationToken cancellationToken)
    {
        var current = await ApiClient.FindForUpdateAsync(db, actor.TenantId, request.ClientId, cancellationToken);
        Authority.RequireMayManage(actor, current.Scopes);
        if (current.Status == ApiClientStatus.Revoked)
        {
            throw Revoked.With(new("This client was revoked; create a new one instead.", "已吊销的客户端不能更换密钥，请新建一个。"));
        }
        var issued = ApiKey.Issue();
        var client = await ApiClient.WriteAsync(db,
            """
            UPDATE access.api_clients
            SET key_prefix = @KeyPrefix, key_hash = @KeyHash, rotated_at = @Now, version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id
            RETURNING *
            """,
            new { KeyPrefix = issued.LookupPrefix, KeyHash = issued.Hash, Tenant = actor.TenantId, current.Id },
            cancellationToken);
        return new IssuedApiClient(client, issued.Key);
    }
}

internal static class RotateApiClientKeyEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/clients/{id:guid}/rotate", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new RotateApiClientKey(id), ct), response))
        .RequirePermission(AccessPermissions.ClientsManage)
        .HandsOutAccess()
        .WithName("RotateApiClientKey")
        .WithTags("API clients")
        .WithSummary("Issue a new key for an API client; the old key stops working at once")
        .Produces<IssuedApiClient>()
        .ProducesProblems(401, 403, 404, 409);
}
