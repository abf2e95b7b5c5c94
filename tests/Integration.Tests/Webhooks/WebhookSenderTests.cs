using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Events;
using Workforce.BuildingBlocks.Protection;
using Workforce.Integration.Delivery;

namespace Workforce.Integration.Tests.Webhooks;

/// <summary>One endpoint's resilience pipeline and the address guard, driven directly against a receiver on loopback.</summary>
public sealed class WebhookSenderTests
{
    private static readonly SensitiveData Sensitive = new(SensitiveDataKeys.Generate());

    [Fact]
    public async Task An_endpoint_that_keeps_failing_opens_its_circuit_and_later_deliveries_wait_without_a_request_or_an_attempt()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Answer(503);
        await using var services = Services(new() { ["QuickRetries"] = "0", ["BreakerMinimumThroughput"] = "3", ["BreakerBreakMilliseconds"] = "60000" });
        var sender = services.GetRequiredService<WebhookSender>();
        var subscription = Guid.NewGuid();

        var failures = new List<SendOutcome>();
        SendOutcome outcome;
        while ((outcome = await sender.SendAsync(Delivery(subscription, receiver.Url), CancellationToken.None)).Result == SendResult.Failed && failures.Count < 10)
        {
            failures.Add(outcome);
        }
        var requested = receiver.Requests.Count;
        var another = await sender.SendAsync(Delivery(Guid.NewGuid(), receiver.Url), CancellationToken.None);

        Assert.Equal(SendResult.Deferred, outcome.Result);
        Assert.InRange(outcome.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(3, failures.Count);
        Assert.All(failures, f => Assert.Equal(503, f.StatusCode));
        Assert.Equal(3, requested);
        // Another subscription's endpoint has a circuit of its own.
        Assert.Equal((SendResult.Failed, 503), (another.Result, another.StatusCode));
        Assert.Equal(4, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_a_server_error_is_retried_quickly()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var services = Services(new() { ["QuickRetries"] = "2" });
        var sender = services.GetRequiredService<WebhookSender>();

        receiver.Answer(422);
        var refused = await sender.SendAsync(Delivery(Guid.NewGuid(), receiver.Url), CancellationToken.None);
        var afterRefusal = receiver.Requests.Count;
        receiver.Answer(r => receiver.Requests.Count(seen => seen.EventId == r.EventId) < 2 ? 502 : 204);
        var retried = await sender.SendAsync(Delivery(Guid.NewGuid(), receiver.Url), CancellationToken.None);

        Assert.Equal((SendResult.Refused, 422), (refused.Result, refused.StatusCode));
        Assert.Equal(1, afterRefusal);
        Assert.Equal((SendResult.Delivered, 204), (retried.Result, retried.StatusCode));
        Assert.Equal([422, 502, 502, 204], receiver.Requests.Select(r => r.Answered));
    }

    [Fact]
    public async Task Without_private_networks_allowed_a_webhook_to_loopback_is_refused_before_anything_is_sent()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var services = Services(new() { ["AllowPrivateNetworks"] = "false" });
        var sender = services.GetRequiredService<WebhookSender>();

        var byAddress = await sender.SendAsync(Delivery(Guid.NewGuid(), receiver.Url), CancellationToken.None);
        var byName = await sender.SendAsync(Delivery(Guid.NewGuid(), $"http://localhost:{receiver.Port}/hooks"), CancellationToken.None);

        Assert.Equal(SendResult.Refused, byAddress.Result);
        Assert.Equal(SendResult.Refused, byName.Result);
        Assert.Contains("non-public", byAddress.Error!.Value.English);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.20.30.40", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.254", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("::", false)]
    [InlineData("ff02::1", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("64:ff9b:1::a00:1", false)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("2002:c0a8:101::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2001:0:4136:e378::1", false)]
    [InlineData("100::1", false)]
    [InlineData("192.0.2.10", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("64:ff9b::808:808", true)]
    [InlineData("2002:808:808::1", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("203.119.25.1", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void Only_public_addresses_are_public(string address, bool isPublic) =>
        Assert.Equal(isPublic, PublicAddresses.IsPublic(IPAddress.Parse(address)));

    private static ClaimedDelivery Delivery(Guid subscription, string url) => new(
        Guid.NewGuid(), Guid.NewGuid(), subscription, url, Sensitive.Encrypt("whsec_test"), 0, Guid.NewGuid(),
        new OutboxEvent(Guid.NewGuid(), "test.thing.happened", "thing", Guid.NewGuid(), DateTimeOffset.UtcNow, JsonDocument.Parse("{}").RootElement));

    /// <summary>The module's own registrations over these settings (on top of tiny delays and loopback allowed).</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["QuickRetryDelayMilliseconds"] = "1", ["AllowPrivateNetworks"] = "true" }
                .Concat(settings).GroupBy(s => s.Key).Select(g => KeyValuePair.Create("Integration:Webhooks:" + g.Key, g.Last().Value)))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(Sensitive)
            .AddSingleton(TimeProvider.System)
            .AddLogging();
        new IntegrationModule().AddServices(services);
        return services.BuildServiceProvider();
    }
}
