using System.Security.Cryptography;
using System.Text;
using Workforce.Integration.Contracts;

namespace Workforce.Integration.Tests.Webhooks;

/// <summary>The webhook endpoints the tests call, and what many of them check.</summary>
public static class WebhookCalls
{
    public const string Webhooks = "/api/v1/integration/webhooks";

    public static string Webhook(Guid id) => $"{Webhooks}/{id}";

    public static string Deliveries(Guid webhookId) => $"{Webhooks}/{webhookId}/deliveries";

    public static string Redeliver(Guid webhookId, Guid deliveryId) => $"{Deliveries(webhookId)}/{deliveryId}/redeliver";

    /// <summary>A new webhook of the enterprise sending to <paramref name="url"/>, and its secret.</summary>
    public static async Task<(Guid Id, string Secret)> CreateWebhookAsync(this TestEnterprise enterprise, string url, string[]? eventTypes = null, string? status = null)
    {
        var issued = await enterprise.Client.CreateAsync(Webhooks, new { url, eventTypes, status });
        return (issued["webhook"]!.Id(), issued.Str("secret"));
    }

    /// <summary>The webhook's delivery log, newest event first.</summary>
    public static async Task<IReadOnlyList<JsonNode>> DeliveriesAsync(this TestEnterprise enterprise, Guid webhookId) =>
        (await (await enterprise.Client.GetAsync(Deliveries(webhookId) + "?limit=200")).ExpectJsonAsync()).Items().Select(d => d!).ToList();

    /// <summary>Waits until the delivery log satisfies <paramref name="done"/>, and returns it oldest event first.</summary>
    public static async Task<IReadOnlyList<JsonNode>> DeliveriesUntilAsync(this TestEnterprise enterprise, Guid webhookId, string what, Func<IReadOnlyList<JsonNode>, bool> done)
    {
        var log = await Eventually.ForAsync(what, () => enterprise.DeliveriesAsync(webhookId), done,
            deliveries => string.Join("; ", deliveries.Select(d => $"{d.Str("eventType")} {d.Str("status")} after {d["attempts"]} ({d["lastError"]})")));
        return log.Reverse().ToList();
    }

    /// <summary>Waits until the webhook has <paramref name="count"/> deliveries, all succeeded; returns them oldest event first.</summary>
    public static Task<IReadOnlyList<JsonNode>> AllDeliveredAsync(this TestEnterprise enterprise, Guid webhookId, int count) =>
        enterprise.DeliveriesUntilAsync(webhookId, $"{count} deliveries to succeed",
            log => log.Count == count && log.All(d => d.Str("status") == "succeeded"));

    /// <summary>The signature the receiver should find, computed here from the secret, independently of the code under test.</summary>
    public static string ExpectedSignature(string secret, ReceivedRequest request)
    {
        var signed = Encoding.UTF8.GetBytes(request.Headers[WebhookHeaders.Timestamp] + ".").Concat(request.Body).ToArray();
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>
    /// Every event reached the receiver with a 2xx at least once, every request carrying its event's id in header and
    /// body; and for each entity, no request for an event came before the entity's previous event had got through.
    /// </summary>
    public static void AssertEveryEventArrivedInOrderPerEntity(Receiver receiver, IReadOnlyList<JsonNode> events)
    {
        var requests = receiver.Requests;
        Assert.All(requests, r => Assert.Equal(r.EventId, r.Json["id"]!.GetValue<Guid>()));
        foreach (var entity in events.GroupBy(e => e["entityId"]!.GetValue<Guid>()))
        {
            var previousThrough = 0;
            foreach (var feedEvent in entity)
            {
                var forEvent = requests.Where(r => r.EventId == feedEvent.Id()).ToList();
                Assert.True(forEvent.Any(r => r.Succeeded), $"{feedEvent.Str("type")} {feedEvent.Id()} never got through: {receiver.Describe()}");
                Assert.True(forEvent.All(r => r.Sequence > previousThrough),
                    $"{feedEvent.Str("type")} {feedEvent.Id()} was sent before the entity's previous event got through: {receiver.Describe()}");
                previousThrough = forEvent.First(r => r.Succeeded).Sequence;
            }
        }
        Assert.Equal(events.Select(e => e.Id()).ToHashSet(), requests.Select(r => r.EventId).ToHashSet());
    }
}
