namespace Workforce.Integration.Webhooks;

/// <summary>The webhook subscriptions of the organisation (tenant) the actor acts for, newest first.</summary>
internal sealed record ListWebhooks : PageQuery, IQuery<Page<Webhook>>
{
    public WebhookStatus? Status { get; init; }
}

internal sealed class ListWebhooksHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListWebhooks, Page<Webhook>>
{
    private sealed record Key(Guid Id);

    private const string Filter = "w.tenant_id = @Tenant AND (@Status::text IS NULL OR w.status = @Status)";

    public async Task<Page<Webhook>> Handle(ListWebhooks query, CancellationToken cancellationToken)
    {
        var parameters = new { Tenant = actor.TenantId, Status = query.Status.ToDbText(), After = query.After<Key>()?.Id, Fetch = query.FetchSize };
        return await query.ReadAsync<Webhook, Key>(db,
            $"""
            SELECT {Webhook.Columns} FROM integration.webhook_subscriptions w
            WHERE {Filter} AND (@After::uuid IS NULL OR w.id < @After)
            ORDER BY w.id DESC
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM integration.webhook_subscriptions w WHERE {Filter}",
            parameters, w => new Key(w.Id), cancellationToken);
    }
}

internal static class ListWebhooksEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/webhooks", ([AsParameters] ListWebhooks query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .RequirePermission(IntegrationPermissions.WebhooksManage)
        .WithName("ListWebhooks")
        .WithTags("Webhooks")
        .WithSummary("List the webhook subscriptions of the organisation you act for, newest first")
        .Produces<Page<Webhook>>()
        .ProducesProblems(401, 403, 422);
}
