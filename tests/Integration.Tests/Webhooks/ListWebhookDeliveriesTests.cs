namespace Workforce.Integration.Tests.Webhooks;

public sealed class ListWebhookDeliveriesTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task Deliveries_are_listed_newest_event_first_filtered_by_status_and_paged()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Answer(r => r.Headers[Workforce.Integration.Contracts.WebhookHeaders.EventType] == "directory.worker.updated" ? 404 : 200);
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url);
        var events = await enterprise.MakeEventsAsync(workers: 2, updates: 1);
        await enterprise.DeliveriesUntilAsync(webhook, "every delivery to be done", log => log.Count == 4 && log.All(d => d.Str("status") != "pending"));

        var url = WebhookCalls.Deliveries(webhook);
        var failed = await (await enterprise.Client.GetAsync($"{url}?status=failed&total=true")).ExpectJsonAsync();
        var page1 = await (await enterprise.Client.GetAsync($"{url}?limit=3")).ExpectJsonAsync();
        var page2 = await (await enterprise.Client.GetAsync($"{url}?limit=3&cursor={page1.Str("nextCursor")}")).ExpectJsonAsync();

        var newestFirst = events.Select(e => e.Id()).Reverse();
        Assert.Equal(newestFirst, page1.Items().Concat(page2.Items()).Select(d => d!["eventId"]!.GetValue<Guid>()));
        Assert.Equal(3, page1.Items().Count);
        Assert.Null(page2["nextCursor"]?.GetValue<string>());
        Assert.Equal(2, failed["total"]!.GetValue<long>());
        Assert.All(failed.Items(), d => Assert.Equal(("directory.worker.updated", 404), (d!.Str("eventType"), d!["lastStatusCode"]!.GetValue<int>())));
        Assert.All(page1.Items(), d => Assert.Equal(webhook, d!["webhookId"]!.GetValue<Guid>()));
    }
}
