namespace Workforce.Integration.Tests.Webhooks;

/// <summary>Every API instance runs the delivery worker; over one database they share the work and never repeat it.</summary>
public sealed class MultipleInstancesTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task Two_instances_over_one_database_deliver_each_event_once_and_in_order_per_entity()
    {
        await using var second = await api.SecondInstanceAsync();
        await using var receiver = await Receiver.StartAsync();
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url);

        var events = await enterprise.MakeEventsAsync(workers: 4, updates: 3);

        await enterprise.AllDeliveredAsync(webhook, events.Count);
        WebhookCalls.AssertEveryEventArrivedInOrderPerEntity(receiver, events);
        Assert.Equal(events.Count, receiver.Requests.Count);
    }
}
