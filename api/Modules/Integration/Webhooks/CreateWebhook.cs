using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Protection;
using Workforce.Integration.Delivery;

namespace Workforce.Integration.Webhooks;

/// <summary>
/// Subscribe the organisation the caller acts for to its events from now on. The answer holds the signing secret, the
/// one time it is shown.
/// </summary>
internal sealed record CreateWebhook : WebhookFields, ICommand<IssuedWebhook>
{
    /// <summary>active (the default) or paused.</summary>
    public WebhookStatus? Status { get; init; }
}

internal sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public CreateWebhookValidator(IOptions<WebhookOptions> options) => Include(new WebhookFieldsValidator(options));
}

internal sealed class CreateWebhookHandler(DbSession db, CurrentActor actor, SensitiveData sensitive) : IRequestHandler<CreateWebhook, IssuedWebhook>
{
    public async Task<IssuedWebhook> Handle(CreateWebhook request, CancellationToken cancellationToken)
    {
        var secret = Webhook.NewSecret();
        var parameters = new
        {
            Tenant = actor.TenantId,
            Id = Guid.CreateVersion7(),
            actor.OrganisationId,
            Url = request.TrimmedUrl,
            SecretCipher = sensitive.Encrypt(secret),
            EventTypes = request.DistinctEventTypes,
            Status = (request.Status ?? WebhookStatus.Active).ToDbText(),
        };
        var webhook = await Webhook.WriteAsync(db,
            """
            INSERT INTO integration.webhook_subscriptions (tenant_id, id, organisation_id, url, secret_cipher, event_types, status)
            VALUES (@Tenant, @Id, @OrganisationId, @Url, @SecretCipher, @EventTypes, @Status)
            RETURNING *
            """,
            parameters, cancellationToken);
        // The fan-out starts after the last event committed so far: a new subscription gets what happens from now on.
        await db.ExecuteAsync(
            """
            INSERT INTO integration.webhook_checkpoints (tenant_id, subscription_id, last_position)
            SELECT @Tenant, @Id, coalesce(max(position), 0) FROM shared.outbox WHERE tenant_id = @Tenant
            """,
            parameters, cancellationToken);
        return new IssuedWebhook(webhook, secret);
    }
}

internal static class CreateWebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/webhooks", async (CreateWebhook command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var issued = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/integration/webhooks/{issued.Webhook.Id}", issued, response);
        })
        .RequirePermission(IntegrationPermissions.WebhooksManage)
        .WithName("CreateWebhook")
        .WithTags("Webhooks")
        .WithSummary("Subscribe a URL to the organisation's events; the signing secret is in this response and nowhere else")
        .Produces<IssuedWebhook>(StatusCodes.Status201Created)
        .ProducesProblems(401, 403, 422);
}
