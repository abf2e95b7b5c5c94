using System.Text.Json.Serialization;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Integration.Webhooks;

/// <summary>
/// pending: waiting for its next attempt (or being sent); succeeded: the receiver answered 2xx; failed: it answered a
/// 4xx other than 408 or 429, which is not retried; dead: every attempt failed.
/// </summary>
internal enum DeliveryStatus { Pending, Succeeded, Failed, Dead }

/// <summary>One event on its way to one subscription, as the delivery log shows it.</summary>
internal sealed record WebhookDelivery
{
    public required Guid Id { get; init; }
    public required Guid WebhookId { get; init; }

    /// <summary>The event's id, sent as Workforce-Event-Id: the same on every attempt.</summary>
    public required Guid EventId { get; init; }

    public required string EventType { get; init; }
    public required Guid EntityId { get; init; }
    public required DeliveryStatus Status { get; init; }

    /// <summary>Attempts since the delivery was made (or last redelivered); each may have sent the request a few times.</summary>
    public required int Attempts { get; init; }

    /// <summary>When a pending delivery is tried next.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>The HTTP status the receiver last answered, if it answered.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>What went wrong last, when the receiver did not answer 2xx: written down in both languages, read in the caller's.</summary>
    public string? LastError
    {
        get => _lastError is { } english ? new Words(english, LastErrorChinese ?? english).Said : null;
        // Dapper sets it from last_error, the English. Having a setter keeps it a plain (not read-only) field of the OpenAPI document.
        init => _lastError = value;
    }

    private readonly string? _lastError;

    /// <summary>None for what was written down before the log was kept in Chinese too.</summary>
    [JsonIgnore] public string? LastErrorChinese { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>The event's place in the tenant's outbox: the log's order.</summary>
    [JsonIgnore] public long EventPosition { get; init; }

    public const string Columns = """
        d.id, d.subscription_id AS webhook_id, d.event_id, d.event_type, d.entity_id, d.status, d.attempts,
        CASE WHEN d.status = 'pending' THEN d.next_attempt_at END AS next_attempt_at, d.last_attempt_at, d.last_status_code,
        d.last_error, d.last_error_chinese, d.created_at, d.delivered_at, d.event_position
        """;

    public static readonly ProblemCode NoSuchDelivery = new(404, "delivery_not_found", new("The delivery was not found.", "未找到该投递记录。"));

    public static ProblemException NotFound(Guid id) =>
        NoSuchDelivery.With(new($"This webhook has no delivery {id}.", $"此 Webhook 订阅没有编号为 {id} 的投递记录。"));
}
