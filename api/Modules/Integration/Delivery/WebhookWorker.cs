using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Text;
using Workforce.Integration.Webhooks;

namespace Workforce.Integration.Delivery;

/// <summary>
/// Delivers webhooks in the background of every API instance: one loop fans new outbox events out to the subscriptions,
/// another claims due deliveries and sends them, several at once. Instances share the work through the database alone.
/// A finished delivery wakes the sending loop at once, since the next event of its entity may now go.
/// </summary>
internal sealed partial class WebhookWorker(IServiceProvider services, IOptions<WebhookOptions> configured, ILogger<WebhookWorker> logger)
    : BackgroundService
{
    private readonly WebhookOptions _options = configured.Value;
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved only now, once the host has started: the data source needs the (embedded) server's address.
        var fanOut = services.GetRequiredService<FanOutWebhookEvents>();
        var deliveries = services.GetRequiredService<DeliverWebhooks>();
        var sender = services.GetRequiredService<WebhookSender>();
        return Task.WhenAll(FanOutLoopAsync(fanOut, stoppingToken), SendLoopAsync(deliveries, sender, stoppingToken));
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private async Task FanOutLoopAsync(FanOutWebhookEvents fanOut, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                while (await fanOut.RunAsync(_options.FanOutBatch, ct) > 0)
                {
                    Wake();
                }
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                LogLoopFailed(error, "fan-out");
            }
            if (!await PauseAsync(Task.Delay(_options.Poll, ct)))
            {
                return;
            }
        }
    }

    private async Task SendLoopAsync(DeliverWebhooks deliveries, WebhookSender sender, CancellationToken ct)
    {
        await Task.Yield();
        var sending = new List<Task>();
        while (!ct.IsCancellationRequested)
        {
            sending.RemoveAll(task => task.IsCompleted);
            var free = _options.Parallelism - sending.Count;
            try
            {
                if (free > 0)
                {
                    sending.AddRange((await deliveries.ClaimAsync(free, ct)).Select(delivery => SendAsync(deliveries, sender, delivery, ct)));
                }
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                LogLoopFailed(error, "sending");
            }
            if (!await PauseAsync(_wake.WaitAsync(_options.Poll, ct)))
            {
                break;
            }
        }
        await Task.WhenAll(sending);
    }

    /// <summary>Sends one delivery and writes down the outcome; never throws.</summary>
    private async Task SendAsync(DeliverWebhooks deliveries, WebhookSender sender, ClaimedDelivery delivery, CancellationToken ct)
    {
        try
        {
            SendOutcome outcome;
            try
            {
                outcome = await sender.SendAsync(delivery, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await deliveries.ReleaseAsync(delivery, CancellationToken.None);
                return;
            }
            catch (Exception error)
            {
                LogSendFailed(error, delivery.Id, delivery.SubscriptionId);
                outcome = new SendOutcome(SendResult.Failed, Error: new Words("The delivery could not be sent because of an error on our side.",
                    "因本系统内部出错，未能发送此投递。"));
            }
            var status = await deliveries.RecordAsync(delivery, outcome, CancellationToken.None);
            LogOutcome(status is DeliveryStatus.Dead ? LogLevel.Warning : LogLevel.Debug,
                delivery.Event.Type, delivery.Event.Id, delivery.SubscriptionId, outcome.Result, outcome.StatusCode, status);
        }
        catch (Exception error)
        {
            // The lease runs out and another attempt follows: at least once, never lost.
            LogLoopFailed(error, "recording a delivery");
        }
        finally
        {
            Wake();
        }
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (Exception error) when (error is SemaphoreFullException or ObjectDisposedException)
        {
            // Already awake, or stopped.
        }
    }

    /// <summary>Waits for the next round; false once the instance is stopping.</summary>
    private static async Task<bool> PauseAsync(Task wait)
    {
        try
        {
            await wait;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Stage} failed; trying again at the next round")]
    private partial void LogLoopFailed(Exception error, string stage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send webhook delivery {DeliveryId} of subscription {SubscriptionId}")]
    private partial void LogSendFailed(Exception error, Guid deliveryId, Guid subscriptionId);

    [LoggerMessage(Message = "Webhook {EventType} {EventId} to subscription {SubscriptionId}: {Result} ({StatusCode}), now {Status}")]
    private partial void LogOutcome(LogLevel level, string eventType, Guid eventId, Guid subscriptionId, SendResult result, int? statusCode, DeliveryStatus status);
}
