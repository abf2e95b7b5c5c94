using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;
using Workforce.BuildingBlocks.Events;
using Workforce.BuildingBlocks.Protection;
using Workforce.BuildingBlocks.Text;
using Workforce.Integration.Contracts;

namespace Workforce.Integration.Delivery;

/// <summary>What became of one attempt at a delivery.</summary>
internal enum SendResult
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>The receiver refused it for good (a 4xx other than 408 and 429), or it may not be sent there at all.</summary>
    Refused,

    /// <summary>It did not get through this time: try again later.</summary>
    Failed,

    /// <summary>Not sent: the endpoint's circuit is open. Try again when it may close; the attempt does not count.</summary>
    Deferred,
}

/// <param name="Error">What went wrong, for the delivery log, which is read later in either language.</param>
internal sealed record SendOutcome(SendResult Result, int? StatusCode = null, Words? Error = null, TimeSpan? RetryAfter = null);

/// <summary>
/// POSTs deliveries, signed, through one resilience pipeline per endpoint (subscription and URL): an overall timeout
/// around quick retries with jittered exponential backoff of transient failures, a circuit breaker, and a timeout per
/// request. The pipelines live as long as the process, so the breaker remembers an endpoint across deliveries.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, SensitiveData sensitive, IOptions<WebhookOptions> configured, TimeProvider clock)
    : IDisposable
{
    public const string HttpClientName = "Workforce.Webhooks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ResiliencePipelineRegistry<(Guid Subscription, string Url)> _pipelines = new();
    private readonly WebhookOptions _options = configured.Value;

    public async Task<SendOutcome> SendAsync(ClaimedDelivery delivery, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(delivery.Event, Json);
        var secret = sensitive.Decrypt(delivery.SecretCipher);
        var pipeline = _pipelines.GetOrAddPipeline<HttpResponseMessage>((delivery.SubscriptionId, delivery.Url), Configure);
        var client = clients.CreateClient(HttpClientName);
        var tries = 0;
        int? answered = null;
        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                tries++;
                using var request = Signed(delivery, body, secret);
                var reply = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                answered = (int)reply.StatusCode;
                return reply;
            }, ct);
            var status = (int)response.StatusCode;
            var answer = $"{status} {response.ReasonPhrase}";
            return response.IsSuccessStatusCode ? new SendOutcome(SendResult.Delivered, status)
                : IsPermanentRefusal(response.StatusCode)
                    ? new SendOutcome(SendResult.Refused, status, new Words($"The receiver answered {answer}; not retried.", $"接收方答复 {answer}，不再重试。"))
                    : new SendOutcome(SendResult.Failed, status, new Words($"The receiver answered {answer}.", $"接收方答复 {answer}。"));
        }
        catch (BrokenCircuitException open) when (tries == 0)
        {
            return new SendOutcome(SendResult.Deferred, RetryAfter: open.RetryAfter ?? TimeSpan.FromMilliseconds(_options.BreakerBreakMilliseconds));
        }
        catch (BrokenCircuitException)
        {
            // This attempt did reach out, and its failures opened the circuit: it counts.
            return new SendOutcome(SendResult.Failed, answered, answered is { } status
                ? new Words($"The receiver answered {status}; it failed so often that its circuit is open for now.",
                    $"接收方答复 {status}；它失败次数过多，暂时停止向它发送。")
                : new Words("The receiver failed; it failed so often that its circuit is open for now.",
                    "发送给接收方失败；它失败次数过多，暂时停止向它发送。"));
        }
        catch (TimeoutRejectedException)
        {
            var seconds = _options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new SendOutcome(SendResult.Failed, Error: new Words($"The receiver did not answer within {seconds} s.", $"接收方在 {seconds} 秒内没有答复。"));
        }
        catch (HttpRequestException refused) when (refused.InnerException is AddressNotAllowedException notAllowed)
        {
            return new SendOutcome(SendResult.Refused, Error: notAllowed.Reason);
        }
        catch (HttpRequestException failed)
        {
            // The framework says what failed in English only.
            return new SendOutcome(SendResult.Failed, Error: new Words(failed.Message, $"无法送达接收方：{failed.Message}"));
        }
    }

    /// <summary>The request for one try: signed anew, as its timestamp is the time it is sent.</summary>
    private HttpRequestMessage Signed(ClaimedDelivery delivery, byte[] body, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(WebhookHeaders.EventId, delivery.Event.Id.ToString());
        request.Headers.Add(WebhookHeaders.EventType, delivery.Event.Type);
        request.Headers.Add(WebhookHeaders.DeliveryId, delivery.Id.ToString());
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(secret, timestamp, body));
        return request;
    }

    /// <summary>The receiver says the request itself is wrong, and sending it again will not change that.</summary>
    private static bool IsPermanentRefusal(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    /// <summary>Failures that may pass: no connection, no answer in time, or an answer that says try again.</summary>
    private static ValueTask<bool> IsTransient(Outcome<HttpResponseMessage> outcome) => ValueTask.FromResult(outcome switch
    {
        { Exception: HttpRequestException { InnerException: AddressNotAllowedException } } => false,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => !response.IsSuccessStatusCode && !IsPermanentRefusal(response.StatusCode),
        _ => false,
    });

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddTimeout(_options.AttemptBudget);
        if (_options.QuickRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => IsTransient(args.Outcome),
                MaxRetryAttempts = _options.QuickRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(_options.QuickRetryDelayMilliseconds),
                MaxDelay = _options.QuickRetryMaxDelay,
            });
        }
        pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => IsTransient(args.Outcome),
            FailureRatio = _options.BreakerFailureRatio,
            MinimumThroughput = _options.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromMilliseconds(_options.BreakerSamplingMilliseconds),
            BreakDuration = TimeSpan.FromMilliseconds(_options.BreakerBreakMilliseconds),
        }).AddTimeout(_options.Timeout);
    }

    public void Dispose() => _pipelines.Dispose();
}

/// <summary>A delivery claimed for sending, with its event and where it goes.</summary>
internal sealed record ClaimedDelivery(Guid TenantId, Guid Id, Guid SubscriptionId, string Url, byte[] SecretCipher, int Attempts, Guid Lease, OutboxEvent Event);
