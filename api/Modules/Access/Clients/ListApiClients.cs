namespace Workforce.Access.Clients;

/// <summary>The API clients of the organisation (tenant) the actor acts for, newest first.</summary>
internal sealed record ListApiClients : PageQuery, IQuery<Page<ApiClient>>
{
    public ApiClientStatus? Status { get; init; }
}

internal sealed class ListApiClientsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListApiClients, Page<ApiClient>>
{
    private sealed record Key(Guid Id);

    private const string Filter = "c.tenant_id = @Tenant AND (@Status::text IS NULL OR c.status = @Status)";

    public async Task<Page<ApiClient>> Handle(ListApiClients query, CancellationToken cancellationToken)
    {
        var parameters = new { Tenant = actor.TenantId, Status = query.Status.ToDbText(), After = query.After<Key>()?.Id, Fetch = query.FetchSize };
        return await query.ReadAsync<ApiClient, Key>(db,
            $"""
            SELECT {ApiClient.Columns} FROM access.api_clients c
            WHERE {Filter} AND (@After::uuid IS NULL OR c.id < @After)
            ORDER BY c.id DESC
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM access.api_clients c WHERE {Filter}",
            parameters, c => new Key(c.Id), cancellationToken);
    }
}

internal static class ListApiClientsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/clients", ([AsParameters] ListApiClients query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .RequirePermission(AccessPermissions.ClientsManage)
        .WithName("ListApiClients")
        .WithTags("API clients")
        .WithSummary("List the API clients of the organisation you act for, newest first")
        .Produces<Page<ApiClient>>()
        .ProducesProblems(401, 403, 422);
}
