using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Text;
using Workforce.Integration.Delivery;

namespace Workforce.Integration.Webhooks;

/// <summary>
/// Replace a subscription's URL, event types and status. Pausing holds its deliveries (new events still queue up);
/// resuming sends them in order. Deliveries not yet sent go to the new URL; a new event-type filter applies to events
/// from now on.
/// </summary>
internal sealed record UpdateWebhook : WebhookFields, ICommand<Webhook>
{
    [JsonIgnore] public Guid WebhookId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public WebhookStatus? Status { get; init; }
}

internal sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhook>
{
    public UpdateWebhookValidator(IOptions<WebhookOptions> options)
    {
        Include(new WebhookFieldsValidator(options));
        RuleFor(c => c.Status).NotNull().WithMessage(new Words("Say whether the webhook is active or paused.", "请选择启用还是暂停此订阅。"));
    }
}

internal sealed class UpdateWebhookHandler(DbSession db, CurrentActor actor) : IRequestHandler<UpdateWebhook, Webhook>
{
    public async Task<Webhook> Handle(UpdateWebhook request, CancellationToken cancellationToken)
    {
        var current = await Webhook.FindAsync(db, actor.TenantId, request.WebhookId, forUpdate: true, cancellationToken);
        Concurrency.EnsureVersion(current.Version, request.ExpectedVersion);
        return await Webhook.WriteAsync(db,
            """
            UPDATE integration.webhook_subscriptions
            SET url = @Url, event_types = @EventTypes, status = @Status, version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id
            RETURNING *
            """,
            new { Url = request.TrimmedUrl, EventTypes = request.DistinctEventTypes, Status = request.Status!.Value.ToDbText(), Tenant = actor.TenantId, current.Id },
            cancellationToken);
    }
}

internal static class UpdateWebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/webhooks/{id:guid}", async (Guid id, UpdateWebhook command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var updated = await mediator.Send(command with { WebhookId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct);
            return Concurrency.WithETag(updated, request.HttpContext.Response);
        })
        .RequirePermission(IntegrationPermissions.WebhooksManage)
        .WithName("UpdateWebhook")
        .WithTags("Webhooks")
        .WithSummary("Change a webhook's URL, event types or status (active or paused) (needs If-Match)")
        .Produces<Webhook>()
        .ProducesProblems(401, 403, 404, 412, 422, 428);
}
