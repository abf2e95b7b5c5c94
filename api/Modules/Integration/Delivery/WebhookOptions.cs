namespace Workforce.Integration.Delivery;

/// <summary>How webhooks are delivered: <c>Integration:Webhooks:*</c> in configuration (<c>Integration__Webhooks__*</c>).</summary>
internal sealed class WebhookOptions
{
    /// <summary>How often each instance looks for new events and for deliveries that are due.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long one request may take before it counts as failed.</summary>
    public int TimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Quick retries of a request that failed transiently, within one attempt (exponential backoff with jitter).</summary>
    public int QuickRetries { get; set; } = 2;

    public int QuickRetryDelayMilliseconds { get; set; } = 500;

    /// <summary>The longest wait before one quick retry: the first delay doubled for each retry.</summary>
    public TimeSpan QuickRetryMaxDelay => TimeSpan.FromMilliseconds(QuickRetryDelayMilliseconds * Math.Pow(2, QuickRetries));

    /// <summary>The delay before the second attempt; it doubles with each attempt after, up to the cap, and is jittered.</summary>
    public int RetryBaseMilliseconds { get; set; } = 30_000;

    public int RetryCapMilliseconds { get; set; } = 6 * 60 * 60 * 1000;

    /// <summary>Attempts before a delivery is dead (with the defaults, about fifteen hours of trying).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The share of failed requests to one endpoint, over the sampling window, that opens its circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Requests within the window before the circuit may open at all.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public int BreakerSamplingMilliseconds { get; set; } = 30_000;

    /// <summary>How long an open circuit sends nothing to the endpoint before it lets one request try.</summary>
    public int BreakerBreakMilliseconds { get; set; } = 30_000;

    /// <summary>Deliveries one instance sends at once.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>Events read from the outbox per subscription at a time.</summary>
    public int FanOutBatch { get; set; } = 500;

    /// <summary>
    /// Whether webhooks may reach loopback, private, link-local and other non-public addresses. Off: a tenant's
    /// administrator must not be able to make the server call into its own network (the cloud's metadata service, say).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan Poll => TimeSpan.FromMilliseconds(PollMilliseconds);

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    /// <summary>The longest one attempt may take: every try timing out, with the longest quick delays between them.</summary>
    public TimeSpan AttemptBudget => Timeout * (QuickRetries + 1) + QuickRetryMaxDelay * QuickRetries;

    /// <summary>How long a claimed delivery stays claimed: past the attempt's budget, so no other instance sends it meanwhile.</summary>
    public TimeSpan Lease => AttemptBudget + TimeSpan.FromSeconds(30);

    /// <summary>The delay before the attempt after <paramref name="attempts"/> failed ones: doubling from the base up to the cap, jittered down by up to half.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponential = Math.Min(RetryCapMilliseconds, RetryBaseMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromMilliseconds(exponential * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
