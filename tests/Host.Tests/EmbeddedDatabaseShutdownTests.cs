using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Workforce.BuildingBlocks.Data;

namespace Workforce.Host.Tests;

/// <summary>
/// The Host as a service manager runs it: a process in a process group of its own, on its own embedded database, stopped
/// by a SIGTERM to the whole group (and killed, for what an earlier run may leave behind). Whoever gets the signal first,
/// and whether or not the Host had finished starting, no PostgreSQL server is left running.
/// </summary>
public sealed class EmbeddedDatabaseShutdownTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "workforce-host-tests", Guid.NewGuid().ToString("N"));
    private string DataDirectory => Path.Combine(_root, "postgres");

    public enum Launch
    {
        /// <summary>The Host leads its group.</summary>
        Alone,

        /// <summary>Under a shell that waits for it and dies of the signal first, as a parent such as make or dotnet run may.</summary>
        UnderAParent,
    }

    [Theory]
    [InlineData(Launch.Alone, false)]
    [InlineData(Launch.Alone, true)]
    [InlineData(Launch.UnderAParent, false)]
    [InlineData(Launch.UnderAParent, true)]
    public async Task A_sigterm_to_the_hosts_process_group_stops_its_database_before_or_after_it_is_ready(Launch launch, bool ready)
    {
        await using var host = HostProcess.Start(DataDirectory, launch);
        var postmaster = ready ? await host.ReadyAsync() : await host.DatabaseRunningAsync();

        await host.SignalGroupAsync("TERM");

        await host.GroupGoneAsync();
        await host.EndedAsync(postmaster);
        if (launch == Launch.Alone)
        {
            Assert.Equal(0, host.ExitCode);
        }
    }

    [Fact]
    public async Task A_start_after_a_killed_host_takes_over_the_database_it_left_running_and_stops_it()
    {
        int leftRunning;
        await using (var killed = HostProcess.Start(DataDirectory, Launch.Alone))
        {
            leftRunning = await killed.ReadyAsync();
            await killed.SignalGroupAsync("KILL");
            await killed.GroupGoneAsync();
        }
        Assert.True(IsAlive(leftRunning), "The killed Host's database should outlive it, as the server runs in a session of its own.");

        await using var next = HostProcess.Start(DataDirectory, Launch.Alone);
        Assert.Equal(leftRunning, await next.ReadyAsync());
        await next.SignalGroupAsync("TERM");
        await next.GroupGoneAsync();

        await next.EndedAsync(leftRunning);
        Assert.Equal(0, next.ExitCode);
    }

    public void Dispose()
    {
        // Whatever a failed test left running goes before its files do.
        new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = DataDirectory }).KillAsync().GetAwaiter().GetResult();
        if (System.IO.Directory.Exists(_root))
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A process that runs (not one that has ended and waits to be reaped).</summary>
    private static bool IsAlive(int pid) => ProcessStat(pid) is { } stat && stat[stat.LastIndexOf(')') + 2] != 'Z';

    /// <summary>/proc/PID/stat: the pid, the name in parentheses, then the state, the parent, the process group…; null once it is gone.</summary>
    private static string? ProcessStat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The built Host (the copy in this test's output), started with setsid so that it leads a group of its own.</summary>
    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly string _dataDirectory;
        private readonly string _url;

        private HostProcess(string dataDirectory, Launch launch)
        {
            _dataDirectory = dataDirectory;
            _url = $"http://127.0.0.1:{FreePort()}";
            string[] host =
            [
                Path.Combine(AppContext.BaseDirectory, "Workforce.Host.dll"), "--urls", _url, $"--Database:DataDirectory={dataDirectory}",
                "--Access:PasswordHashIterations=1000",
            ];
            var start = new ProcessStartInfo("setsid")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string[] command = launch == Launch.Alone ? ["dotnet", .. host] : ["sh", "-c", "dotnet \"$@\"; exit $?", "sh", .. host];
            foreach (var argument in command)
            {
                start.ArgumentList.Add(argument);
            }
            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, line) => Append(line.Data);
            _process.ErrorDataReceived += (_, line) => Append(line.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public static HostProcess Start(string dataDirectory, Launch launch) => new(dataDirectory, launch);

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public int ExitCode => _process.ExitCode;

        /// <summary>Once the embedded server accepts connections: the Host has yet to migrate and start everything else.</summary>
        public async Task<int> DatabaseRunningAsync()
        {
            var postmaster = 0;
            await Eventually.UntilAsync("the embedded PostgreSQL to accept connections", () =>
            {
                postmaster = Postmaster() ?? 0;
                return Task.FromResult(postmaster != 0 && IsAlive(postmaster));
            }, () => Task.FromResult(Output));
            return postmaster;
        }

        /// <summary>Once the Host answers /readyz: the database's postmaster.</summary>
        public async Task<int> ReadyAsync()
        {
            using var http = new HttpClient();
            await Eventually.UntilAsync("the Host to be ready", async () =>
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"The Host exited ({_process.ExitCode}) before it was ready.\n{Output}");
                }
                try
                {
                    return (await http.GetAsync($"{_url}/readyz")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, () => Task.FromResult(Output));
            return Postmaster()!.Value;
        }

        /// <summary>kill -SIGNAL -- -PGID, once setsid has made the Host's process the leader of a group of its own.</summary>
        public async Task SignalGroupAsync(string signal)
        {
            await Eventually.UntilAsync("the Host's process to lead its group", () => Task.FromResult(GroupOf(_process.Id) == _process.Id),
                () => Task.FromResult(Output));
            using var kill = Process.Start("kill", [$"-{signal}", "--", $"-{_process.Id}"]);
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        /// <summary>Until no process of the group is left, the Host and any parent it had.</summary>
        public async Task GroupGoneAsync()
        {
            await Eventually.UntilAsync("every process of the Host's group to end", () => Task.FromResult(!InGroup(_process.Id)),
                () => Task.FromResult(Output));
            await _process.WaitForExitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                using var kill = Process.Start("kill", ["-KILL", "--", $"-{_process.Id}"]);
                await kill.WaitForExitAsync();
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }

        /// <summary>
        /// The server's pid once it accepts connections: postmaster.pid's first line, when its eighth says ready (initdb's
        /// own single-user server writes the file too, but never that).
        /// </summary>
        private int? Postmaster()
        {
            try
            {
                var lines = File.ReadAllLines(Path.Combine(_dataDirectory, "postmaster.pid"));
                return lines.Length >= 8 && lines[7].Trim() == "ready" && int.TryParse(lines[0], out var pid) ? pid : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        /// <summary>Until the server the Host stopped has ended (pg_ctl is done once its pid file is gone, a moment before).</summary>
        public Task EndedAsync(int postmaster) => Eventually.UntilAsync($"the embedded PostgreSQL (pid {postmaster}) to end after the Host stopped",
            () => Task.FromResult(!IsAlive(postmaster)), () => Task.FromResult(Output));

        private static int? GroupOf(int pid) => ProcessStat(pid) is { } stat ? int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2]) : null;

        private static bool InGroup(int group) => System.IO.Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Any(name => int.TryParse(name, out var pid) && GroupOf(pid) == group && IsAlive(pid));

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
