using System.Diagnostics;

namespace Workforce.Benchmarks;

/// <summary>The latency of a page of the worker list: the median and 90th percentile of sequential requests.</summary>
internal sealed record PageLatency(double MedianMs, double P90Ms);

/// <summary>
/// A keyset page deep in the list against the first: the cursor for the page after <c>depth</c> workers is reached by
/// paging there as a client would, then both pages are asked for in turn.
/// </summary>
internal static class KeysetBenchmark
{
    private const string List = "/api/v1/directory/workers";

    public static async Task<(PageLatency First, PageLatency Deep)> CompareAsync(HttpClient http, int depth, int samples = 300)
    {
        var cursor = await CursorAtAsync(http, depth);
        var first = new List<double>();
        var deep = new List<double>();
        for (var i = 0; i < samples + 20; i++)
        {
            var (firstMs, deepMs) = (await TimeAsync(http, List), await TimeAsync(http, $"{List}?cursor={cursor}"));
            if (i >= 20)
            {
                first.Add(firstMs);
                deep.Add(deepMs);
            }
        }
        return (Latency(first), Latency(deep));
    }

    private static async Task<string> CursorAtAsync(HttpClient http, int depth)
    {
        const int pageSize = 200;
        string? cursor = null;
        for (var seen = 0; seen < depth; seen += pageSize)
        {
            var page = await BenchApi.ReadAsync(await http.GetAsync($"{List}?limit={pageSize}{(cursor is null ? "" : $"&cursor={cursor}")}"));
            cursor = page["nextCursor"]?.GetValue<string>() ?? throw new InvalidOperationException($"The list ended before {depth:N0} workers.");
        }
        return cursor!;
    }

    private static async Task<double> TimeAsync(HttpClient http, string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        var page = await BenchApi.ReadAsync(response);
        if (page["items"]!.AsArray().Count == 0)
        {
            throw new InvalidOperationException($"GET {url} gave an empty page.");
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static PageLatency Latency(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return new PageLatency(LoadBenchmark.Percentile(sorted, 0.5), LoadBenchmark.Percentile(sorted, 0.9));
    }
}
