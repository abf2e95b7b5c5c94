namespace Workforce.Integration.Contracts;

/// <summary>
/// What every webhook request carries, for receivers to check and de-duplicate deliveries. The body is the event as the
/// change feed lists it: <c>{ id, type, entityType, entityId, occurredAt, data }</c>. To check it, compute HMAC-SHA256
/// keyed with the subscription's secret (its UTF-8 bytes) over <c>"{Workforce-Timestamp}.{body}"</c>, compare its
/// lowercase hex with the value after <c>v1=</c> in constant time, and refuse a timestamp more than a few minutes old.
/// Deliveries are at least once: the same event may arrive again, always with the same event id.
/// </summary>
public sealed record WebhookHeaders
{
    /// <summary>The event's id: the same on every delivery of the same event. De-duplicate on it.</summary>
    public const string EventId = "Workforce-Event-Id";

    /// <summary>The event's type, e.g. directory.worker.registered.</summary>
    public const string EventType = "Workforce-Event-Type";

    /// <summary>The delivery's id, as the subscription's delivery log lists it: the same on every attempt.</summary>
    public const string DeliveryId = "Workforce-Delivery-Id";

    /// <summary>When this attempt was signed, in Unix seconds.</summary>
    public const string Timestamp = "Workforce-Timestamp";

    /// <summary><c>v1=</c> and the lowercase hex HMAC-SHA256 of <c>"{timestamp}.{body}"</c> with the subscription's secret.</summary>
    public const string Signature = "Workforce-Signature";

    /// <summary>The prefix of the signature this version of the scheme sends.</summary>
    public const string SignatureScheme = "v1=";
}
