using Workforce.Integration.Contracts;

namespace Workforce.Integration.Tests.Webhooks;

public sealed class RedeliverWebhookDeliveryTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task Redelivering_sends_the_event_again_with_the_same_event_id_and_a_fresh_signature()
    {
        await using var receiver = await Receiver.StartAsync();
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, secret) = await enterprise.CreateWebhookAsync(receiver.Url);
        await enterprise.RegisterWorkerAsync();
        var delivered = (await enterprise.AllDeliveredAsync(webhook, 1)).Single();

        var response = await enterprise.Client.PostAsync(WebhookCalls.Redeliver(webhook, delivered.Id()));

        var pending = await response.ExpectJsonAsync();
        Assert.Equal(delivered.Id(), pending.Id());
        Assert.Equal("pending", pending.Str("status"));
        Assert.Equal(0, pending["attempts"]!.GetValue<int>());
        Assert.NotNull(pending["nextAttemptAt"]);
        await Eventually.UntilAsync("the event to arrive again", () => Task.FromResult(receiver.Requests.Count == 2), () => Task.FromResult(receiver.Describe()));
        var again = (await enterprise.AllDeliveredAsync(webhook, 1)).Single();
        Assert.Equal(1, again["attempts"]!.GetValue<int>());
        var (first, second) = (receiver.Requests[0], receiver.Requests[1]);
        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(first.Headers[WebhookHeaders.DeliveryId], second.Headers[WebhookHeaders.DeliveryId]);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(WebhookCalls.ExpectedSignature(secret, second), second.Headers[WebhookHeaders.Signature]);
    }

    [Fact]
    public async Task Redelivering_what_does_not_exist_here_is_not_found()
    {
        var ours = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();
        var (their, _) = await theirs.CreateWebhookAsync("https://hr.example.test/hooks", status: "paused");
        var (our, _) = await ours.CreateWebhookAsync("https://hr.example.test/hooks", status: "paused");
        await theirs.RegisterWorkerAsync();
        var theirDelivery = (await theirs.DeliveriesUntilAsync(their, "their registration to be queued", log => log.Count == 1)).Single().Id();

        await (await ours.Client.PostAsync(WebhookCalls.Redeliver(their, theirDelivery))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await ours.Client.PostAsync(WebhookCalls.Redeliver(our, theirDelivery))).ExpectProblemAsync(HttpStatusCode.NotFound, "delivery_not_found");
        await (await ours.Client.PostAsync(WebhookCalls.Redeliver(our, Guid.NewGuid()))).ExpectProblemAsync(HttpStatusCode.NotFound, "delivery_not_found");
    }
}
