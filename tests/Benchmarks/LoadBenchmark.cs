using System.Diagnostics;
using System.Net;

namespace Workforce.Benchmarks;

/// <summary>What a load run got: requests answered 200 per second, and their latency.</summary>
internal sealed record LoadResult(int Requests, TimeSpan Duration, double MedianMs, double P99Ms)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;
}

/// <summary>
/// A closed-loop load generator on loopback: a fixed number of connections, each sending its next request as soon as
/// the last is answered and read to the end. Every answer must be 200.
/// </summary>
internal static class LoadBenchmark
{
    /// <summary>
    /// Loads each named URL in turn for a warm-up, then in <paramref name="rounds"/> alternating rounds, so that neither
    /// gains from going second (a warmer cache, a quieter machine).
    /// </summary>
    public static async Task<IReadOnlyList<LoadResult>> CompareAsync(HttpClient http, IReadOnlyList<string> urls, int connections, TimeSpan warmUp,
        TimeSpan duration, int rounds = 2)
    {
        foreach (var url in urls)
        {
            await RunAsync(http, url, connections, warmUp);
        }
        var results = urls.Select(_ => new List<LoadResult>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < urls.Count; i++)
            {
                results[i].Add(await RunAsync(http, urls[i], connections, duration / rounds));
            }
        }
        return results.Select(Combine).ToList();
    }

    public static HttpMessageHandler Handler(int connections) => new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    };

    private static async Task<LoadResult> RunAsync(HttpClient http, string url, int connections, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }
            return mine;
        }));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(all.Count, elapsed, Percentile(all, 0.5), Percentile(all, 0.99));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];

    private static LoadResult Combine(List<LoadResult> rounds) => new(
        rounds.Sum(r => r.Requests),
        TimeSpan.FromTicks(rounds.Sum(r => r.Duration.Ticks)),
        rounds.Average(r => r.MedianMs),
        rounds.Max(r => r.P99Ms));
}
