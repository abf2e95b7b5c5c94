using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace Workforce.Benchmarks;

/// <summary>
/// The published API in a process of its own, on its own embedded PostgreSQL, as an operator would run it: its memory
/// is read from /proc, where the database's (a separate process) does not count.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private BenchHost(Process process, Uri url, StreamWriter log)
    {
        _process = process;
        Url = url;
        _log = log;
    }

    public Uri Url { get; }

    public string DataDirectory { get; private init; } = "";

    /// <summary>The API's database, for the baselines that go to it directly; the embedded server keeps its settings beside its data.</summary>
    public (int Port, string Password) Database
    {
        get
        {
            var settings = JsonDocument.Parse(File.ReadAllText(DataDirectory + ".json")).RootElement;
            return (settings.GetProperty("Port").GetInt32(), settings.GetProperty("Password").GetString()!);
        }
    }

    public string DatabaseConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Database.Port, Username = "workforce", Password = Database.Password, Database = "workforce",
    }.ConnectionString;

    public static async Task<BenchHost> StartAsync(string hostDll, string workDirectory, string adminPassword)
    {
        var dataDirectory = Path.Combine(workDirectory, "postgres");
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        foreach (var argument in new[]
                 {
                     hostDll, "--urls", url.ToString(), $"--Database:DataDirectory={dataDirectory}", "--Benchmarks:Baseline=true",
                     $"--Access:AdminPassword={adminPassword}", "--Imports:PollMilliseconds=100",
                     // Setup only: the ballot case signs in thousands of representatives from one address, each account made
                     // with a password whose hash would otherwise take tens of milliseconds. Nothing timed checks a password.
                     "--Access:LoginAttemptsPerMinute=1000000", "--Access:PasswordHashIterations=1000",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var log = new StreamWriter(Path.Combine(workDirectory, "host.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.WriteLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new BenchHost(process, url, log) { DataDirectory = dataDirectory };
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>The most memory the API process has held since it started or since <see cref="ResetPeakMemory"/>.</summary>
    public long PeakMemoryBytes => StatusKilobytes("VmHWM") * 1024;

    public long MemoryBytes => StatusKilobytes("VmRSS") * 1024;

    /// <summary>
    /// CPU time used so far by the API process, and by the database server: its postmaster with the backends it
    /// reaped and those still running. On a shared machine this shows the cost of work where wall time cannot.
    /// </summary>
    public (TimeSpan Api, TimeSpan Database) CpuTime()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First());
        var backends = System.IO.Directory.GetDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? Stat(pid) : null)
            .Where(stat => stat is not null && long.Parse(stat[1]) == postmaster)
            .Sum(stat => long.Parse(stat![11]) + long.Parse(stat[12]));
        var server = Stat(postmaster)!;
        var serverTicks = server[11..15].Sum(long.Parse);
        var api = Stat(_process.Id)!;
        return (Ticks(long.Parse(api[11]) + long.Parse(api[12])), Ticks(serverTicks + backends));

        static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ, 100 on Linux
    }

    /// <summary>The fields of /proc/PID/stat after the command name (state, ppid, … utime at 11, stime, cutime, cstime); null when it ended.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/stat");
            return line[(line.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Starts the peak afresh (Linux: writing 5 to clear_refs resets VmHWM to the current resident size).</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    private long StatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}; see host.log.");
            }
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The API was not ready within 3 minutes; see host.log.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGTERM, so that the API shuts down as in production and stops the database it started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            {
                await term.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
