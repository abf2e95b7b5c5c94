using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workforce.Integration.Contracts;

namespace Workforce.Integration.Tests.Webhooks;

/// <summary>One request the receiver got, and what it answered.</summary>
public sealed record ReceivedRequest(int Sequence, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answered)
{
    public Guid EventId => Guid.Parse(Headers[WebhookHeaders.EventId]);

    public JsonNode Json => JsonNode.Parse(Body)!;

    public Guid EntityId => Json["entityId"]!.GetValue<Guid>();

    public bool Succeeded => Answered is >= 200 and < 300;

    public override string ToString() => $"#{Sequence} {Headers.GetValueOrDefault(WebhookHeaders.EventType)} {EventId} → {Answered}";
}

/// <summary>
/// A webhook receiver: a real Kestrel server on 127.0.0.1 and a port of its own, which records every request and
/// answers what the test tells it to. It can be stopped (connections are refused) and started again on the same port.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private WebApplication? _server;
    private int _sequence;
    private Func<ReceivedRequest, int> _answer = _ => 200;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public IReadOnlyList<ReceivedRequest> Requests => [.. _received.OrderBy(r => r.Sequence)];

    public static async Task<Receiver> StartAsync()
    {
        var receiver = new Receiver();
        await receiver.StartAgainAsync();
        return receiver;
    }

    /// <summary>From now on, answer every request with this status.</summary>
    public void Answer(int status) => Answer(_ => status);

    /// <summary>From now on, answer each request with the status this gives (it sees the request, with Answered 0).</summary>
    public void Answer(Func<ReceivedRequest, int> answer) => Volatile.Write(ref _answer, answer);

    /// <summary>The requests for one event, in the order they came.</summary>
    public IReadOnlyList<ReceivedRequest> For(Guid eventId) => Requests.Where(r => r.EventId == eventId).ToList();

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        var server = builder.Build();
        server.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var request = new ReceivedRequest(Interlocked.Increment(ref _sequence), context.Request.Path,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray(), 0);
            var status = Volatile.Read(ref _answer)(request);
            _received.Enqueue(request with { Answered = status });
            context.Response.StatusCode = status;
        });
        await server.StartAsync();
        Port = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        _server = server;
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public string Describe() => string.Join("; ", Requests);
}
