using System.Net.Http.Headers;
using Workforce.Integration.Contracts;

namespace Workforce.Integration.Tests.Webhooks;

/// <summary>Events reach a real receiver on loopback: signed, in order per entity, retried while it is down, not retried when it refuses.</summary>
public sealed class WebhookDeliveryTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task An_event_is_posted_as_the_feed_lists_it_with_its_id_and_type_and_signed_with_the_secret()
    {
        await using var receiver = await Receiver.StartAsync();
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, secret) = await enterprise.CreateWebhookAsync(receiver.Url);

        await enterprise.RegisterWorkerAsync();

        var log = await enterprise.AllDeliveredAsync(webhook, 1);
        var feedEvent = (await enterprise.Client.AllEventsAsync()).Single();
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/hooks", request.Path);
        Assert.Equal(feedEvent.Id(), request.EventId);
        Assert.Equal("directory.worker.registered", request.Headers[WebhookHeaders.EventType]);
        Assert.Equal(log[0].Id().ToString(), request.Headers[WebhookHeaders.DeliveryId]);
        Assert.Equal("application/json", MediaTypeHeaderValue.Parse(request.Headers["Content-Type"]).MediaType);
        Assert.True(JsonNode.DeepEquals(feedEvent, request.Json), $"{feedEvent.ToJsonString()} was sent as {request.Json.ToJsonString()}");
        Assert.InRange(long.Parse(request.Headers[WebhookHeaders.Timestamp], System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());
        Assert.Equal(WebhookCalls.ExpectedSignature(secret, request), request.Headers[WebhookHeaders.Signature]);
        Assert.NotEqual(WebhookCalls.ExpectedSignature(secret + "x", request), request.Headers[WebhookHeaders.Signature]);
        Assert.Equal(feedEvent.Id(), log[0]["eventId"]!.GetValue<Guid>());
        Assert.Equal(1, log[0]["attempts"]!.GetValue<int>());
        Assert.Equal(200, log[0]["lastStatusCode"]!.GetValue<int>());
        Assert.NotNull(log[0]["deliveredAt"]);
        Assert.Null(log[0]["nextAttemptAt"]);
    }

    [Fact]
    public async Task Only_the_event_types_subscribed_to_are_sent()
    {
        await using var receiver = await Receiver.StartAsync();
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url, ["directory.worker.updated"]);

        var worker = await enterprise.RegisterWorkerAsync();
        await enterprise.UpdateWorkerAsync(worker, "调度员");

        var log = await enterprise.AllDeliveredAsync(webhook, 1);
        Assert.Equal("directory.worker.updated", log.Single().Str("eventType"));
        Assert.Equal(["directory.worker.updated"], receiver.Requests.Select(r => r.Headers[WebhookHeaders.EventType]));
    }

    [Fact]
    public async Task Events_from_before_the_webhook_was_made_are_not_sent()
    {
        await using var receiver = await Receiver.StartAsync();
        var enterprise = await api.NewEnterpriseAsync();
        var before = await enterprise.RegisterWorkerAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url);

        var after = await enterprise.RegisterWorkerAsync();

        var log = await enterprise.AllDeliveredAsync(webhook, 1);
        Assert.Equal(after.Id(), log.Single()["entityId"]!.GetValue<Guid>());
        Assert.DoesNotContain(receiver.Requests, r => r.EntityId == before.Id());
    }

    [Theory]
    [InlineData("answering 503")]
    [InlineData("not listening")]
    public async Task A_receiver_down_for_a_while_gets_every_event_once_back_with_the_same_ids_in_order_per_entity(string down)
    {
        await using var receiver = await Receiver.StartAsync();
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url);
        if (down == "not listening")
        {
            await receiver.StopAsync();
        }
        else
        {
            receiver.Answer(503);
        }

        var events = await enterprise.MakeEventsAsync(workers: 2, updates: 2);
        await enterprise.DeliveriesUntilAsync(webhook, "the first event of each worker to fail",
            log => log.Count(d => d.Str("status") == "pending" && d["attempts"]!.GetValue<int>() >= 1) == 2);
        if (down == "not listening")
        {
            await receiver.StartAgainAsync();
        }
        else
        {
            receiver.Answer(200);
        }

        var log = await enterprise.AllDeliveredAsync(webhook, events.Count);
        Assert.Equal(events.Select(e => e.Id()), log.Select(d => d["eventId"]!.GetValue<Guid>()));
        WebhookCalls.AssertEveryEventArrivedInOrderPerEntity(receiver, events);
        Assert.Equal(down == "answering 503", receiver.Requests.Any(r => r.Answered == 503));
        Assert.Contains(log, d => d["attempts"]!.GetValue<int>() > 1);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(410)]
    public async Task A_receiver_refusing_an_event_with_a_client_error_is_not_asked_again_and_later_events_go_on(int refusal)
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Answer(r => r.Headers[WebhookHeaders.EventType] == "directory.worker.registered" ? refusal : 200);
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url);

        var worker = await enterprise.RegisterWorkerAsync();
        await enterprise.UpdateWorkerAsync(worker, "叉车司机");

        var log = await enterprise.DeliveriesUntilAsync(webhook, "the update to get through", log => log.Any(d => d.Str("status") == "succeeded"));
        var (registered, updated) = (log[0], log[1]);
        Assert.Equal("failed", registered.Str("status"));
        Assert.Equal(1, registered["attempts"]!.GetValue<int>());
        Assert.Equal(refusal, registered["lastStatusCode"]!.GetValue<int>());
        Assert.Contains(refusal.ToString(System.Globalization.CultureInfo.InvariantCulture), registered.Str("lastError"));
        Assert.Null(registered["nextAttemptAt"]);
        Assert.Equal("succeeded", updated.Str("status"));
        Assert.Single(receiver.For(registered["eventId"]!.GetValue<Guid>()));
        Assert.Single(receiver.For(updated["eventId"]!.GetValue<Guid>()));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Timeouts_throttling_and_server_errors_are_tried_again_with_the_same_event_id(int transient)
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Answer(r => receiver.For(r.EventId).Count == 0 ? transient : 200);
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, secret) = await enterprise.CreateWebhookAsync(receiver.Url);

        await enterprise.RegisterWorkerAsync();

        await enterprise.AllDeliveredAsync(webhook, 1);
        Assert.Equal([transient, 200], receiver.Requests.Select(r => r.Answered));
        Assert.Single(receiver.Requests.Select(r => r.EventId).Distinct());
        Assert.All(receiver.Requests, r => Assert.Equal(WebhookCalls.ExpectedSignature(secret, r), r.Headers[WebhookHeaders.Signature]));
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_dead_after_the_last_attempt_and_sent_again_when_redelivered()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Answer(503);
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url);
        await enterprise.RegisterWorkerAsync();

        var dead = (await enterprise.DeliveriesUntilAsync(webhook, "the delivery to die", log => log.Any(d => d.Str("status") == "dead"))).Single();
        var tried = receiver.Requests.Count;
        receiver.Answer(200);
        var redelivered = await (await enterprise.Client.PostAsync(WebhookCalls.Redeliver(webhook, dead.Id()))).ExpectJsonAsync();
        var log = await enterprise.AllDeliveredAsync(webhook, 1);

        Assert.Equal(WebhooksApi.MaxAttempts, dead["attempts"]!.GetValue<int>());
        Assert.Equal(503, dead["lastStatusCode"]!.GetValue<int>());
        Assert.Null(dead["nextAttemptAt"]);
        // Each attempt sent the request once or, with its one quick retry, twice; an attempt the open circuit held back sent none.
        Assert.InRange(tried, WebhooksApi.MaxAttempts, 2 * WebhooksApi.MaxAttempts);
        Assert.Equal("pending", redelivered.Str("status"));
        Assert.Equal(0, redelivered["attempts"]!.GetValue<int>());
        Assert.Equal(1, log.Single()["attempts"]!.GetValue<int>());
        Assert.Equal(tried + 1, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.EventId).Distinct());
    }

    [Fact]
    public async Task A_paused_webhook_collects_its_deliveries_and_sends_them_in_order_once_resumed()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var witness = await Receiver.StartAsync();
        var enterprise = await api.NewEnterpriseAsync();
        var (paused, _) = await enterprise.CreateWebhookAsync(receiver.Url, status: "paused");
        var (active, _) = await enterprise.CreateWebhookAsync(witness.Url);

        var events = await enterprise.MakeEventsAsync(workers: 1, updates: 2);

        // The active webhook got everything, in order: the sender went round more than once meanwhile.
        await enterprise.AllDeliveredAsync(active, events.Count);
        var held = await enterprise.DeliveriesAsync(paused);
        Assert.Equal(events.Count, held.Count);
        Assert.All(held, d => Assert.Equal(("pending", 0), (d.Str("status"), d["attempts"]!.GetValue<int>())));
        Assert.Empty(receiver.Requests);

        var read = await enterprise.Client.GetAsync(WebhookCalls.Webhook(paused));
        await (await enterprise.Client.PutAsync(WebhookCalls.Webhook(paused), new { url = receiver.Url, status = "active" }, read.ETag())).ExpectJsonAsync();

        await enterprise.AllDeliveredAsync(paused, events.Count);
        Assert.Equal(events.Select(e => e.Id()), receiver.Requests.Select(r => r.EventId));
    }
}
