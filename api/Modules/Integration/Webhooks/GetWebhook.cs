namespace Workforce.Integration.Webhooks;

internal sealed record GetWebhook(Guid WebhookId) : IQuery<Webhook>;

internal sealed class GetWebhookHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetWebhook, Webhook>
{
    public Task<Webhook> Handle(GetWebhook request, CancellationToken cancellationToken) =>
        Webhook.FindAsync(db, actor.TenantId, request.WebhookId, forUpdate: false, cancellationToken);
}

internal static class GetWebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/webhooks/{id:guid}", async (Guid id, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetWebhook(id), ct), response))
        .RequirePermission(IntegrationPermissions.WebhooksManage)
        .WithName("GetWebhook")
        .WithTags("Webhooks")
        .WithSummary("Get a webhook subscription (never its secret), with its ETag")
        .Produces<Webhook>()
        .ProducesProblems(401, 403, 404);
}
