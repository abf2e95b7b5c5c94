using System.Diagnostics;
using System.Net.Sockets;

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
