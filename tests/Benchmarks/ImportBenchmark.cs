using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Workforce.Benchmarks;

/// <summary>One import through the API: its wall time from the first byte sent to the job completed, and the API's peak memory meanwhile.</summary>
internal sealed record ImportRun(int Rows, TimeSpan Elapsed, TimeSpan Upload, TimeSpan Checking, TimeSpan Merging, long PeakMemoryBytes)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// The import API end to end against the floor PostgreSQL sets: psql's \copy of the same file into a table of the
/// same columns without indexes, constraints or checks.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<ImportRun> ImportAsync(BenchHost host, BenchEnterprise enterprise, string file, int rows)
    {
        using var http = BenchApi.Client(host.Url, enterprise);
        host.ResetPeakMemory();
        var clock = Stopwatch.StartNew();
        await using var body = File.OpenRead(file);
        using var content = new StreamContent(body, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var job = await BenchApi.ReadAsync(await http.PostAsync($"/api/v1/directory/imports/workers?mode=allOrNothing&fileName={Path.GetFileName(file)}", content));
        var upload = clock.Elapsed;
        var url = $"/api/v1/directory/imports/{job["id"]}";
        var merging = TimeSpan.Zero;
        while (job["phase"]!.GetValue<string>() is not ("completed" or "failed"))
        {
            await Task.Delay(50);
            job = await BenchApi.ReadAsync(await http.GetAsync(url));
            if (merging == TimeSpan.Zero && job["phase"]!.GetValue<string>() == "merging")
            {
                merging = clock.Elapsed;
            }
        }
        var elapsed = clock.Elapsed;
        if (job["phase"]!.GetValue<string>() != "completed" || job["created"]!.GetValue<int>() != rows)
        {
            throw new InvalidOperationException($"The import did not create {rows:N0} workers: {job.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        }
        return new ImportRun(rows, elapsed, upload, merging - upload, elapsed - merging, host.PeakMemoryBytes);
    }

    /// <summary>The best of <paramref name="runs"/> \copy runs into an empty table, timed around the psql process.</summary>
    public static async Task<TimeSpan> RawCopyAsync(BenchHost host, string file, int runs = 2)
    {
        var (port, password) = host.Database;
        await PsqlAsync(port, password, """
            CREATE SCHEMA IF NOT EXISTS bench;
            DROP TABLE IF EXISTS bench.raw_workers;
            CREATE TABLE bench.raw_workers (name text, employee_number text, resident_id text, phone text, unit text, post text, skill_grade text, hired_on date);
            """);
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            await PsqlAsync(port, password, "TRUNCATE bench.raw_workers; CHECKPOINT;");
            var clock = Stopwatch.StartNew();
            await PsqlAsync(port, password, $"\\copy bench.raw_workers FROM '{file}' WITH (FORMAT csv, HEADER true)");
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }
        await PsqlAsync(port, password, "DROP SCHEMA bench CASCADE;");
        return best;
    }

    private static async Task PsqlAsync(int port, string password, string command)
    {
        var start = new ProcessStartInfo(Psql()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(), "-U", "workforce", "-d", "workforce", "-q", "-v", "ON_ERROR_STOP=1", "-c", command })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGPASSWORD"] = password;
        using var psql = Process.Start(start)!;
        var error = psql.StandardError.ReadToEndAsync();
        await psql.StandardOutput.ReadToEndAsync();
        await psql.WaitForExitAsync();
        if (psql.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql failed: {await error}");
        }
    }

    /// <summary>psql of the installed server's version when there is one, else whichever is on PATH.</summary>
    private static string Psql() =>
        System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql").Select(dir => Path.Combine(dir, "bin", "psql")).Where(File.Exists).Order().LastOrDefault() ?? "psql"
            : "psql";
}
