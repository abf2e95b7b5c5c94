namespace Workforce.Integration.Webhooks;

/// <summary>Remove a subscription with its secret and delivery log: nothing more is sent to it (a request already on its way still arrives).</summary>
internal sealed record DeleteWebhook(Guid WebhookId) : ICommand<bool>;

internal sealed class DeleteWebhookHandler(DbSession db, CurrentActor actor) : IRequestHandler<DeleteWebhook, bool>
{
    public async Task<bool> Handle(DeleteWebhook request, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            "DELETE FROM integration.webhook_subscriptions WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = actor.TenantId, Id = request.WebhookId }, cancellationToken) == 1
        ? true
        : throw Webhook.NotFound(request.WebhookId);
}

internal static class DeleteWebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/webhooks/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteWebhook(id), ct);
            return TypedResults.NoContent();
        })
        .RequirePermission(IntegrationPermissions.WebhooksManage)
        .WithName("DeleteWebhook")
        .WithTags("Webhooks")
        .WithSummary("Delete a webhook subscription, its secret and its delivery log")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblems(401, 403, 404);
}
