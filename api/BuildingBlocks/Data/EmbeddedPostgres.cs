using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Workforce.BuildingBlocks.Hosting;

namespace Workforce.BuildingBlocks.Data;

public sealed record EmbeddedPostgresOptions
{
    /// <summary>The cluster's data directory; its settings (port, password) sit beside it in <c>&lt;dir&gt;.json</c>.</summary>
    public required string DataDirectory { get; init; }

    public string Database { get; init; } = "workforce";

    /// <summary>Where initdb, pg_ctl and postgres live; found with pg_config or in the Debian layout when not given.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>
    /// Trade durability for speed (fsync off): for throw-away test clusters only. What was committed still survives a
    /// crash of the server, though not one of the machine.
    /// </summary>
    public bool Ephemeral { get; init; }
}

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries: created on first use, started if it is not
/// running, and stopped by its owner. The owner is the instance that started it, or, when the process that started it
/// is gone and left it running (killed, say), the next instance to start on it, which takes it over. Ownership is a
/// lock on <c>&lt;dir&gt;.owner</c> held for as long as the owner lives, so a live owner is never taken from and a dead
/// one frees it by dying. initdb refuses to run as root, so a root process runs the cluster as the <c>postgres</c> user.
/// pg_ctl starts the server in a session of its own: a signal to the starting process's group never reaches it, and
/// the owner stops it (in fast mode, which neither waits for clients nor loses committed data).
/// </summary>
public sealed class EmbeddedPostgres
{
    private const string SuperUser = "workforce";
    private readonly EmbeddedPostgresOptions _options;
    private readonly string _dataDirectory;
    private readonly string _settingsFile;
    private readonly string _ownerFile;
    private string? _binDirectory;
    private Settings? _settings;
    private FileStream? _ownership;

    public EmbeddedPostgres(EmbeddedPostgresOptions options)
    {
        _options = options;
        _dataDirectory = Path.GetFullPath(options.DataDirectory);
        _settingsFile = _dataDirectory.TrimEnd('/') + ".json";
        _ownerFile = _dataDirectory.TrimEnd('/') + ".owner";
    }

    /// <summary>True when this instance owns the server (it started it, or took it over), and so must stop it.</summary>
    public bool StartedHere => _ownership is not null;

    /// <summary>True when the server was found running, left behind by an owner that is gone, and this instance took it over.</summary>
    public bool TookOver { get; private set; }

    public string DataDirectory => _dataDirectory;

    public string ConnectionString(string? database = null)
    {
        var settings = _settings ?? throw new InvalidOperationException("The embedded PostgreSQL server has not been started.");
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = settings.Port,
            Username = SuperUser,
            Password = settings.Password,
            Database = database ?? _options.Database,
        }.ConnectionString;
    }

    public async Task StartAsync(CancellationToken ct = default)
    {
        _binDirectory = FindBinDirectory(_options.BinDirectory);
        var parent = Path.GetDirectoryName(_dataDirectory)!;
        System.IO.Directory.CreateDirectory(parent);

        await using var initLock = await FileLock.AcquireAsync(_dataDirectory + ".lock", ct);
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(ct);
        }
        _settings = Settings.Read(_settingsFile);

        if (await PgCtlAsync(["status", "-D", _dataDirectory], ct, throwOnError: false) != 0)
        {
            // Owned before it is started: a start cut short (a signal mid-way) leaves a server whose owner stops it.
            _ownership ??= TryClaimOwnership();
            var logFile = Path.Combine(_dataDirectory, "server.log");
            var exit = await PgCtlAsync(["start", "-D", _dataDirectory, "-w", "-t", "60", "-l", logFile], ct, throwOnError: false);
            if (exit != 0)
            {
                throw new EmbeddedPostgresException(
                    $"The embedded PostgreSQL server in {_dataDirectory} did not start; see {logFile}: {Tail(logFile)}");
            }
        }
        else if (TryClaimOwnership() is { } abandoned)
        {
            _ownership = abandoned;
            TookOver = true;
        }
        await EnsureDatabaseAsync(ct);
    }

    /// <summary>Stops the server if this instance owns it, and gives up owning it; not to be cancelled half-way, pg_ctl's own wait bounds it.</summary>
    public async Task StopAsync()
    {
        if (_ownership is null)
        {
            return;
        }
        await PgCtlAsync(["stop", "-D", _dataDirectory, "-m", "fast", "-w"], CancellationToken.None, throwOnError: false);
        ReleaseOwnership();
    }

    /// <summary>Stops the server at once, without a clean shutdown, whoever owns it; for throw-away clusters.</summary>
    public async Task<int> KillAsync()
    {
        var exit = await PgCtlAsync(["stop", "-D", _dataDirectory, "-m", "immediate", "-w"], CancellationToken.None, throwOnError: false);
        ReleaseOwnership();
        return exit;
    }

    /// <summary>The owner's lock, if no live process holds it; it says who holds it, for whoever looks.</summary>
    private FileStream? TryClaimOwnership()
    {
        try
        {
            var owner = new FileStream(_ownerFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            owner.SetLength(0);
            owner.Write(System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n"));
            owner.Flush();
            return owner;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void ReleaseOwnership()
    {
        _ownership?.Dispose();
        _ownership = null;
        TookOver = false;
    }

    /// <summary>The PostgreSQL server binaries: configured, from pg_config, or the newest in the Debian layout.</summary>
    public static string FindBinDirectory(string? configured)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(configured);
        }
        else
        {
            if (TryRun("pg_config", "--bindir") is { } fromPgConfig)
            {
                candidates.Add(fromPgConfig);
            }
            const string debianRoot = "/usr/lib/postgresql";
            if (System.IO.Directory.Exists(debianRoot))
            {
                candidates.AddRange(System.IO.Directory.GetDirectories(debianRoot)
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                    .Select(d => Path.Combine(d, "bin")));
            }
        }

        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            ?? throw new EmbeddedPostgresException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found: install the 'postgresql' package " +
                "(apt-get install postgresql) or set ConnectionStrings__Workforce to an existing server.");
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        if (System.IO.Directory.Exists(_dataDirectory) && System.IO.Directory.EnumerateFileSystemEntries(_dataDirectory).Any())
        {
            throw new EmbeddedPostgresException(
                $"{_dataDirectory} is not empty but holds no PostgreSQL cluster; move it away to let a new cluster be created there.");
        }
        System.IO.Directory.CreateDirectory(_dataDirectory);

        var settings = new Settings(FreeLoopbackPort(), Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        // initdb wants an empty directory, so the password file waits beside it.
        var passwordFile = _dataDirectory + ".initdb-password";
        PrivateFile.Write(passwordFile, settings.Password);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["postgres:postgres", _dataDirectory, passwordFile], ct);
        }
        try
        {
            List<string> arguments =
            [
                "-D", _dataDirectory, "-U", SuperUser, "--pwfile", passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
            ];
            if (_options.Ephemeral)
            {
                arguments.Add("--no-sync");
            }
            await RunAsync(Path.Combine(_binDirectory!, "initdb"), arguments, ct, asPostgres: true);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        var configuration = new List<string>
        {
            "",
            "# Written by Workforce's embedded PostgreSQL.",
            "listen_addresses = '127.0.0.1'",
            $"port = {settings.Port}",
            "unix_socket_directories = ''",
            "max_connections = 200",
            "# A million-row import writes gigabytes of WAL; checkpoints every 1 GB (the default) slow it for nothing.",
            "max_wal_size = '4GB'",
        };
        if (_options.Ephemeral)
        {
            configuration.AddRange(["fsync = off", "full_page_writes = off"]);
        }
        await File.AppendAllLinesAsync(Path.Combine(_dataDirectory, "postgresql.conf"), configuration, ct);
        settings.Write(_settingsFile);
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        // Unpooled: a pooled connection would outlive a stop of the server and fail the next start in this process.
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = _options.Database });
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_options.Database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private Task<int> PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken ct, bool throwOnError) =>
        RunAsync(Path.Combine(_binDirectory ?? FindBinDirectory(_options.BinDirectory), "pg_ctl"), arguments, ct, asPostgres: true, throwOnError);

    private static async Task<int> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken ct,
        bool asPostgres = false, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", fileName])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = fileName;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new EmbeddedPostgresException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"{Path.GetFileName(fileName)} failed with exit code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        }
        return process.ExitCode;
    }

    private static string? TryRun(string fileName, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, argument)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string file)
    {
        try
        {
            return string.Join(" | ", File.ReadLines(file).TakeLast(5));
        }
        catch (IOException)
        {
            return "(no log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(log not readable)";
        }
    }

    private sealed record Settings(int Port, string Password)
    {
        public static Settings Read(string file)
        {
            if (!File.Exists(file))
            {
                throw new EmbeddedPostgresException(
                    $"The embedded cluster's settings file {file} is missing; remove the cluster's directory to create a new one.");
            }
            return JsonSerializer.Deserialize<Settings>(File.ReadAllText(file))
                ?? throw new EmbeddedPostgresException($"{file} is empty.");
        }

        public void Write(string file)
        {
            PrivateFile.Write(file, JsonSerializer.Serialize(this));
        }
    }

    /// <summary>Keeps two processes from creating or starting the same cluster at once.</summary>
    private sealed class FileLock(FileStream stream) : IAsyncDisposable
    {
        public static async Task<FileLock> AcquireAsync(string path, CancellationToken ct)
        {
            while (true)
            {
                try
                {
                    return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    await Task.Delay(100, ct);
                }
            }
        }

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
