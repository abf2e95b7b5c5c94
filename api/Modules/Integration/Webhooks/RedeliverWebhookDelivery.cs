using Workforce.BuildingBlocks.Text;

namespace Workforce.Integration.Webhooks;

/// <summary>
/// Send a delivery again, now, with a fresh set of attempts: whatever became of it, it is pending again. Events of the
/// same entity after it wait until it is done, as they did the first time. A paused webhook sends it once resumed.
/// </summary>
internal sealed record RedeliverWebhookDelivery(Guid WebhookId, Guid DeliveryId) : ICommand<WebhookDelivery>;

internal sealed class RedeliverWebhookDeliveryHandler(DbSession db, CurrentActor actor) : IRequestHandler<RedeliverWebhookDelivery, WebhookDelivery>
{
    public static readonly ProblemCode InProgress = new(409, "delivery_in_progress", new("The delivery is being sent.", "该投递正在发送中。"));

    public async Task<WebhookDelivery> Handle(RedeliverWebhookDelivery request, CancellationToken cancellationToken)
    {
        await Webhook.FindAsync(db, actor.TenantId, request.WebhookId, forUpdate: false, cancellationToken);
        var parameters = new { Tenant = actor.TenantId, Webhook = request.WebhookId, Id = request.DeliveryId };
        var sending = await db.QuerySingleOrDefaultAsync<bool?>(
            """
            SELECT d.locked_until IS NOT NULL AND d.locked_until > now() FROM integration.webhook_deliveries d
            WHERE d.tenant_id = @Tenant AND d.subscription_id = @Webhook AND d.id = @Id
            FOR UPDATE
            """,
            parameters, cancellationToken)
            ?? throw WebhookDelivery.NotFound(request.DeliveryId);
        if (sending)
        {
            throw InProgress.With(new("This delivery is being sent right now; look at its outcome in a moment.", "该投递此刻正在发送，请稍后查看结果。"));
        }
        return await db.QuerySingleAsync<WebhookDelivery>(
            $"""
            WITH d AS (
                UPDATE integration.webhook_deliveries
                SET status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL, lease_id = NULL
                WHERE tenant_id = @Tenant AND id = @Id
                RETURNING *)
            SELECT {WebhookDelivery.Columns} FROM d
            """,
            parameters, cancellationToken);
    }
}

internal static class RedeliverWebhookDeliveryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/webhooks/{id:guid}/deliveries/{deliveryId:guid}/redeliver", (Guid id, Guid deliveryId, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RedeliverWebhookDelivery(id, deliveryId), ct))
        .RequirePermission(IntegrationPermissions.WebhooksManage)
        .WithName("RedeliverWebhookDelivery")
        .WithTags("Webhooks")
        .WithSummary("Send a delivery again now, whatever its outcome was, with a fresh set of attempts")
        .Produces<WebhookDelivery>()
        .ProducesProblems(401, 403, 404, 409);
}
