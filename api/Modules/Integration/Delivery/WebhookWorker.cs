using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workforce.Integration.Delivery;

/// <summary>
/// Delivers webhooks in the background of every API instance: it fans new outbox events out to the subscriptions as
/// their pending deliveries. Instances share the work through the database alone.
/// </summary>
internal sealed partial class WebhookWorker(IServiceProvider services, IOptions<WebhookOptions> configured, ILogger<WebhookWorker> logger)
    : BackgroundService
{
    private readonly WebhookOptions _options = configured.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved only now, once the host has started: the data source needs the (embedded) server's address.
        var fanOut = services.GetRequiredService<FanOutWebhookEvents>();
        return FanOutLoopAsync(fanOut, stoppingToken);
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
}
