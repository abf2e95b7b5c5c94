using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Workforce.Benchmarks;

// `make bench`: the published API on its own embedded PostgreSQL, loaded from this process over loopback. Prints a
// table and writes it to --out. Options: --host DLL --work DIR --out FILE --rows N --small-rows N --seconds N --connections N
// --representatives N --ballot-connections N --only workers|ballots (the worker register's cases, or the vote's; both by default).
var options = Options.Parse(args);
var work = Path.GetFullPath(options.Get("work", ".bench"));
var database = Path.Combine(work, "postgres");
DeleteDatabase();
System.IO.Directory.CreateDirectory(work);
var only = options.Get("only", "");
var report = new Report(options.Get("out", ".bench-results/latest.md"));

var adminPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
if (only is not ("" or "workers" or "ballots"))
{
    Console.Error.WriteLine("--only takes workers or ballots.");
    return 2;
}
if (only != "ballots")
{
    await WorkerCasesAsync();
}
if (only != "workers")
{
    await BallotCaseAsync();
}

// Gigabytes after a million rows; the generated files are kept for the next run.
DeleteDatabase();
report.Write();
return 0;

async Task WorkerCasesAsync()
{
    var rows = options.Int("rows", 1_000_000);
    var smallRows = options.Int("small-rows", 100_000);
    var depth = (int)(rows * 0.9);
    Console.WriteLine($"Writing {smallRows:N0} and {rows:N0} workers to CSV files in {work}...");
    var smallFile = WorkerFile.Write(Path.Combine(work, $"workers-{smallRows}.csv"), smallRows);
    var file = WorkerFile.Write(Path.Combine(work, $"workers-{rows}.csv"), rows, first: smallRows);

    Console.WriteLine("Starting the API...");
    await using var host = await BenchHost.StartAsync(Path.GetFullPath(options.Get("host", ".bench/host/Workforce.Host.dll")), work, adminPassword);
    var enterprises = await BenchApi.EnterprisesAsync(host.Url, adminPassword, 2);

    Console.WriteLine($"psql \\copy of {rows:N0} rows...");
    var copy = await ImportBenchmark.RawCopyAsync(host, file);
    Console.WriteLine($"Importing {smallRows:N0} rows through the API...");
    var small = await ImportBenchmark.ImportAsync(host, enterprises[0], smallFile, smallRows);
    Console.WriteLine($"Importing {rows:N0} rows through the API...");
    var large = await ImportBenchmark.ImportAsync(host, enterprises[1], file, rows);
    var copyRate = rows / copy.TotalSeconds;
    report.Add($"Import of {rows:N0} workers, rows/s", $"{large.RowsPerSecond:N0} ({Seconds(large.Elapsed)}: upload and row checks {Seconds(large.Upload)}, " +
               $"file checks {Seconds(large.Checking)}, merge {Seconds(large.Merging)})",
        $"psql \\copy {copyRate:N0} ({Seconds(copy)})", large.RowsPerSecond / copyRate, "≥ 0.5", large.RowsPerSecond / copyRate >= 0.5);
    var stagingRate = rows / large.Upload.TotalSeconds;
    report.Add("… of which reading the file into staging (upload, parse, check, encrypt, binary COPY), rows/s", $"{stagingRate:N0}",
        $"psql \\copy {copyRate:N0}", stagingRate / copyRate, "", null);
    report.Add($"API peak memory, import of {smallRows:N0}", Megabytes(small.PeakMemoryBytes), "", null, "≤ 400 MB", small.PeakMemoryBytes <= 400L << 20);
    report.Add($"API peak memory, import of {rows:N0}", Megabytes(large.PeakMemoryBytes), $"{smallRows:N0} rows: {Megabytes(small.PeakMemoryBytes)}",
        (double)large.PeakMemoryBytes / small.PeakMemoryBytes, "≤ 400 MB, ≈ 1 ×", large.PeakMemoryBytes <= 400L << 20 && large.PeakMemoryBytes <= small.PeakMemoryBytes * 1.25);

    var connections = options.Int("connections", 16);
    var seconds = options.Int("seconds", 10);
    Console.WriteLine($"Loading the worker list and the bare endpoint with {connections} connections, {seconds} s each...");
    using (var http = BenchApi.Client(host.Url, enterprises[1], LoadBenchmark.Handler(connections)))
    {
        var results = await LoadBenchmark.CompareAsync(http, ["/api/v1/directory/workers", $"/benchmarks/workers?tenant={enterprises[1].Id}"],
            connections, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(seconds));
        var (list, bare) = (results[0], results[1]);
        report.Add($"Worker list, requests/s ({connections} connections)", $"{list.RequestsPerSecond:N0} (median {list.MedianMs:0.0} ms, p99 {list.P99Ms:0.0} ms)",
            $"bare endpoint {bare.RequestsPerSecond:N0} (median {bare.MedianMs:0.0} ms, p99 {bare.P99Ms:0.0} ms)",
            list.RequestsPerSecond / bare.RequestsPerSecond, "≥ 0.7", list.RequestsPerSecond / bare.RequestsPerSecond >= 0.7);
    }

    Console.WriteLine($"Paging to depth {depth:N0}...");
    using (var http = BenchApi.Client(host.Url, enterprises[1]))
    {
        var (first, deep) = await KeysetBenchmark.CompareAsync(http, depth);
        report.Add($"Keyset page at depth {depth:N0}, median latency", $"{deep.MedianMs:0.00} ms (p90 {deep.P90Ms:0.00} ms)",
            $"first page {first.MedianMs:0.00} ms (p90 {first.P90Ms:0.00} ms)", deep.MedianMs / first.MedianMs, "≤ 1.5", deep.MedianMs / first.MedianMs <= 1.5);
    }
}

async Task BallotCaseAsync()
{
    var representatives = options.Int("representatives", 3000);
    var connections = options.Int("ballot-connections", 32);
    Console.WriteLine($"Starting the API afresh for the vote of {representatives:N0} representatives...");
    DeleteDatabase();
    await using var host = await BenchHost.StartAsync(Path.GetFullPath(options.Get("host", ".bench/host/Workforce.Host.dll")), work, adminPassword);
    var vote = await BallotBenchmark.RunAsync(host, adminPassword, representatives, connections);
    report.Add($"Ballots of {representatives:N0} representatives on a {BallotBenchmark.Items}-item motion, ballots/s ({connections} connections)",
        $"{vote.BallotsPerSecond:N0} (median {vote.MedianMs:0.0} ms, p99 {vote.P99Ms:0.0} ms; all in {Seconds(vote.Voting)})", "", null, "≥ 1,000/s",
        vote.BallotsPerSecond >= 1000);
    report.Add("… CPU time per ballot", $"API {vote.ApiCpu.TotalMilliseconds:0.00} ms, PostgreSQL {vote.DatabaseCpu.TotalMilliseconds:0.00} ms, " +
        $"load generator {vote.LoadCpu.TotalMilliseconds:0.00} ms", "", null, "", null);
    report.Add($"Closing the vote: count and rewrite of the box of {representatives:N0} ballots, as the API answers it", $"{vote.CloseMs:0} ms",
        "", null, "< 100 ms", vote.CloseMs < 100);
    report.Add("… of which the count (Tally.cs's queries on a direct connection, median of 21)", $"{vote.TallyMs:0.0} ms",
        $"EXPLAIN ANALYZE of the ballot count {vote.TallyExecutionMs:0.0} ms", null, "< 100 ms", vote.TallyMs < 100);
}

void DeleteDatabase()
{
    if (System.IO.Directory.Exists(database))
    {
        System.IO.Directory.Delete(database, recursive: true);
    }
}

static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture);

static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";

/// <summary><c>--name value</c> pairs.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        return new Options(values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>The results as a Markdown table, with the machine they ran on.</summary>
internal sealed class Report(string path)
{
    private readonly List<string> _rows = [];
    private readonly string _loadAtStart = LoadAverage();

    /// <param name="met">Whether the target was met; null for a line that has none.</param>
    public void Add(string what, string ours, string baseline, double? ratio, string target, bool? met) =>
        _rows.Add($"| {what} | {ours} | {baseline} | {(ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + " ×" : "")} | {target} | {met switch { true => "met", false => "**missed**", null => "" }} |");

    public void Write()
    {
        var text = new StringBuilder()
            .AppendLine($"Ran {DateTime.Now:yyyy-MM-dd HH:mm} on {Machine()}; load average {_loadAtStart} at the start, {LoadAverage()} at the end.")
            .AppendLine()
            .AppendLine("| Benchmark | Workforce | Baseline | Ratio | Target | |")
            .AppendLine("| --- | --- | --- | --- | --- | --- |");
        _rows.ForEach(row => text.AppendLine(row));
        Console.WriteLine();
        Console.Write(text);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"\nWritten to {path}");
    }

    /// <summary>The one-minute load average: other work on the machine shows in every rate.</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024 / 1024;
        return $"{Environment.ProcessorCount} cores of {cpu}, {memory} GB memory, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
