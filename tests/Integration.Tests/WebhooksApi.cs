using Microsoft.AspNetCore.Hosting;

namespace Workforce.Integration.Tests;

/// <summary>
/// The Host with webhooks delivered quickly enough for tests: a short poll, tiny backoffs, few attempts, a circuit that
/// opens after a handful of failures, and receivers on loopback allowed. <see cref="SecondInstanceAsync"/> starts another
/// instance over the same database, as a second process behind a load balancer would be.
/// </summary>
public class WebhooksApi : WorkforceApi
{
    public const int MaxAttempts = 8;

    private readonly string? _sharedDatabase;

    public WebhooksApi()
    {
    }

    /// <param name="killableServer">On a PostgreSQL server of its own, for fault tests (<see cref="KillableDatabaseWebhooksApi"/>).</param>
    protected WebhooksApi(bool killableServer) : base(killableServer)
    {
    }

    private WebhooksApi(string sharedDatabase) => _sharedDatabase = sharedDatabase;

    /// <summary>Another instance over this one's database, started; dispose it to stop it.</summary>
    public async Task<WebhooksApi> SecondInstanceAsync()
    {
        var other = new WebhooksApi(ConnectionString);
        await other.AdminAsync();
        return other;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_sharedDatabase is not null)
        {
            builder.UseSetting("ConnectionStrings:Workforce", _sharedDatabase);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting($"Integration:Webhooks:{key}", value);
        }
    }

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["PollMilliseconds"] = "50",
        ["TimeoutMilliseconds"] = "2000",
        ["QuickRetries"] = "1",
        ["QuickRetryDelayMilliseconds"] = "10",
        ["RetryBaseMilliseconds"] = "100",
        ["RetryCapMilliseconds"] = "400",
        ["MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["BreakerMinimumThroughput"] = "4",
        ["BreakerSamplingMilliseconds"] = "2000",
        ["BreakerBreakMilliseconds"] = "500",
        ["AllowPrivateNetworks"] = "true",
    };
}

/// <summary>The webhooks Host on a PostgreSQL server of its own, which its fault tests kill and start again.</summary>
public sealed class KillableDatabaseWebhooksApi() : WebhooksApi(killableServer: true);
