namespace Workforce.Integration.Contracts;

/// <summary>The headers every webhook request carries, for receivers to check and de-duplicate deliveries.</summary>
/// <param name="EventIdHeader">The event's id: the same on every delivery of the same event.</param>
/// <param name="SignatureHeader">v1=&lt;hex HMAC-SHA256 of "{timestamp}.{body}" with the subscription's secret&gt;.</param>
public sealed record WebhookHeaders(
    string EventIdHeader = "Workforce-Event-Id",
    string EventTypeHeader = "Workforce-Event-Type",
    string TimestampHeader = "Workforce-Timestamp",
    string SignatureHeader = "Workforce-Signature");
