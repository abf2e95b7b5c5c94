using System.Text.Json;
using Npgsql;
using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Events;
using Workforce.Integration.Webhooks;

namespace Workforce.Integration.Delivery;

/// <summary>
/// The second half of delivery: claiming the deliveries that are due and writing down what became of them. A claim
/// is a lease (locked_until, lease_id) taken in a short transaction of its own, so no transaction stays open while a
/// receiver is waited on; rows locked by another instance's claim are skipped, and a leased delivery is left alone
/// until its lease ends. A delivery stays pending while it is sent, and only the earliest pending delivery of an
/// entity may be claimed: the events of one entity reach the receiver in order, however many instances send.
/// </summary>
internal sealed class DeliverWebhooks(NpgsqlDataSource dataSource, IOptions<WebhookOptions> configured)
{
    private readonly WebhookOptions _options = configured.Value;

    private sealed record Row
    {
        public required Guid TenantId { get; init; }
        public required Guid Id { get; init; }
        public required Guid SubscriptionId { get; init; }
        public required string Url { get; init; }
        public required byte[] SecretCipher { get; init; }
        public required int Attempts { get; init; }
        public required Guid EventId { get; init; }
        public required string EventType { get; init; }
        public required string EntityType { get; init; }
        public required Guid EntityId { get; init; }
        public required DateTimeOffset OccurredAt { get; init; }
        public required JsonElement Data { get; init; }
    }

    /// <summary>Claims up to <paramref name="limit"/> due deliveries, each the first pending one of its entity, for one lease.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int limit, CancellationToken ct)
    {
        var lease = Guid.CreateVersion7();
        await using var db = new DbSession(dataSource);
        var rows = await db.QueryAsync<Row>(
            """
            WITH due AS (
                SELECT d.tenant_id, d.id
                FROM integration.webhook_deliveries d
                JOIN integration.webhook_subscriptions s ON s.tenant_id = d.tenant_id AND s.id = d.subscription_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until < now())
                  AND s.status = 'active'
                  AND NOT EXISTS (
                      SELECT 1 FROM integration.webhook_deliveries e
                      WHERE e.tenant_id = d.tenant_id AND e.subscription_id = d.subscription_id AND e.entity_id = d.entity_id
                        AND e.status = 'pending' AND e.event_position < d.event_position)
                ORDER BY d.next_attempt_at
                LIMIT @Limit
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE integration.webhook_deliveries d
            SET locked_until = now() + @LeaseMs * interval '1 millisecond', lease_id = @LeaseId
            FROM due, integration.webhook_subscriptions s, shared.outbox o
            WHERE d.tenant_id = due.tenant_id AND d.id = due.id
              AND s.tenant_id = d.tenant_id AND s.id = d.subscription_id
              AND o.tenant_id = d.tenant_id AND o.position = d.event_position
            RETURNING d.tenant_id, d.id, d.subscription_id, s.url, s.secret_cipher, d.attempts,
                      o.id AS event_id, o.type AS event_type, o.entity_type, o.entity_id, o.occurred_at, o.data
            """,
            new { Limit = limit, LeaseMs = _options.Lease.TotalMilliseconds, LeaseId = lease }, ct);
        return rows
            .Select(r => new ClaimedDelivery(r.TenantId, r.Id, r.SubscriptionId, r.Url, r.SecretCipher, r.Attempts, lease,
                new OutboxEvent(r.EventId, r.EventType, r.EntityType, r.EntityId, r.OccurredAt, r.Data)))
            .ToList();
    }

    /// <summary>Writes down an attempt's outcome, unless the lease was lost meanwhile (expired and taken, or redelivered).</summary>
    public async Task<DeliveryStatus> RecordAsync(ClaimedDelivery delivery, SendOutcome outcome, CancellationToken ct)
    {
        var counted = outcome.Result != SendResult.Deferred;
        var attempts = delivery.Attempts + (counted ? 1 : 0);
        var (status, delay) = outcome.Result switch
        {
            SendResult.Delivered => (DeliveryStatus.Succeeded, TimeSpan.Zero),
            SendResult.Refused => (DeliveryStatus.Failed, TimeSpan.Zero),
            SendResult.Failed when attempts >= _options.MaxAttempts => (DeliveryStatus.Dead, TimeSpan.Zero),
            SendResult.Failed => (DeliveryStatus.Pending, _options.RetryDelay(attempts)),
            _ => (DeliveryStatus.Pending, outcome.RetryAfter ?? _options.Poll),
        };
        await using var db = new DbSession(dataSource);
        await db.ExecuteAsync(
            """
            UPDATE integration.webhook_deliveries SET
                status = @Status, attempts = @Attempts, next_attempt_at = now() + @DelayMs * interval '1 millisecond', locked_until = NULL, lease_id = NULL,
                last_attempt_at = CASE WHEN @Counted THEN now() ELSE last_attempt_at END,
                last_status_code = CASE WHEN @Counted THEN @StatusCode ELSE last_status_code END,
                last_error = CASE WHEN @Counted THEN @Error ELSE last_error END,
                last_error_chinese = CASE WHEN @Counted THEN @ErrorChinese ELSE last_error_chinese END,
                delivered_at = CASE WHEN @Status = 'succeeded' THEN now() ELSE delivered_at END
            WHERE tenant_id = @TenantId AND id = @Id AND lease_id = @Lease
            """,
            new
            {
                Status = status.ToDbText(),
                Attempts = attempts,
                DelayMs = delay.TotalMilliseconds,
                Counted = counted,
                outcome.StatusCode,
                Error = Cut(outcome.Error?.English),
                ErrorChinese = Cut(outcome.Error?.Chinese),
                delivery.TenantId,
                delivery.Id,
                delivery.Lease,
            },
            ct);
        return status;
    }

    private static string? Cut(string? error) => error is { Length: > 1000 } ? error[..1000] : error;

    /// <summary>Gives a claimed delivery back untried (the instance is stopping), for any instance to send at once.</summary>
    public async Task ReleaseAsync(ClaimedDelivery delivery, CancellationToken ct)
    {
        await using var db = new DbSession(dataSource);
        await db.ExecuteAsync(
            "UPDATE integration.webhook_deliveries SET locked_until = NULL, lease_id = NULL WHERE tenant_id = @TenantId AND id = @Id AND lease_id = @Lease",
            new { delivery.TenantId, delivery.Id, delivery.Lease }, ct);
    }
}
