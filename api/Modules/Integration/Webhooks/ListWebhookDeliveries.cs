namespace Workforce.Integration.Webhooks;

/// <summary>A subscription's delivery log, newest event first.</summary>
internal sealed record ListWebhookDeliveries : PageQuery, IQuery<Page<WebhookDelivery>>
{
    public Guid WebhookId { get; init; }

    public DeliveryStatus[]? Status { get; init; }
}

internal sealed class ListWebhookDeliveriesHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListWebhookDeliveries, Page<WebhookDelivery>>
{
    private sealed record Key(long Position);

    private const string Filter = "d.tenant_id = @Tenant AND d.subscription_id = @Id AND (@Statuses::text[] IS NULL OR d.status = ANY (@Statuses))";

    public async Task<Page<WebhookDelivery>> Handle(ListWebhookDeliveries query, CancellationToken cancellationToken)
    {
        await Webhook.FindAsync(db, actor.TenantId, query.WebhookId, forUpdate: false, cancellationToken);
        var parameters = new
        {
            Tenant = actor.TenantId,
            Id = query.WebhookId,
            Statuses = query.Status.ToDbText(),
            After = query.After<Key>()?.Position,
            Fetch = query.FetchSize,
        };
        return await query.ReadAsync<WebhookDelivery, Key>(db,
            $"""
            SELECT {WebhookDelivery.Columns} FROM integration.webhook_deliveries d
            WHERE {Filter} AND (@After::bigint IS NULL OR d.event_position < @After)
            ORDER BY d.event_position DESC
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM integration.webhook_deliveries d WHERE {Filter}",
            parameters, d => new Key(d.EventPosition), cancellationToken);
    }
}

internal static class ListWebhookDeliveriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/webhooks/{webhookId:guid}/deliveries", ([AsParameters] ListWebhookDeliveries query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .RequirePermission(IntegrationPermissions.WebhooksManage)
        .WithName("ListWebhookDeliveries")
        .WithTags("Webhooks")
        .WithSummary("List a webhook's deliveries, newest event first, with the outcome of each")
        .Produces<Page<WebhookDelivery>>()
        .ProducesProblems(401, 403, 404, 422);
}
