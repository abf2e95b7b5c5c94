using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;
using HostConfig = Docker.DotNet.Models.HostConfig;

namespace Workforce.TestKit;

/// <summary>
/// PostgreSQL servers in Docker containers, started with Testcontainers from the image in
/// <c>WORKFORCE_TEST_POSTGRES_IMAGE</c> (which <c>make test</c> sets) or else the one <c>tests/postgres-image/image.sh</c>
/// names: the official postgres:15 where it can be pulled, one built on this machine from Debian's packages where not.
/// A container is removed when it is disposed, and in any case once this process has ended.
/// </summary>
public static class PostgresContainers
{
    public const string ImageVariable = "WORKFORCE_TEST_POSTGRES_IMAGE";
    private const string SuperUser = "workforce";
    private static readonly Lazy<Task<string>> Image = new(PrepareAsync);

    /// <summary>
    /// A started server with its <c>postgres</c> database. A <paramref name="killable"/> one acknowledges commits only once
    /// their WAL is written, as in production, and keeps its host port when it is started again after a kill.
    /// </summary>
    internal static async Task<PostgreSqlContainer> StartAsync(bool killable)
    {
        var builder = new PostgreSqlBuilder(await Image.Value)
            .WithUsername(SuperUser)
            .WithPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(24)))
            .WithDatabase("postgres")
            // As the embedded cluster: the tests' pools together need more than the default 100 connections.
            .WithCommand("-c", "max_connections=200", "-c", "max_wal_size=4GB")
            // Parallel queries share memory in /dev/shm, which Docker makes 64 MB; the embedded cluster has the machine's.
            .WithCreateParameterModifier(container => (container.HostConfig ??= new HostConfig()).ShmSize = 256L * 1024 * 1024);
        if (killable)
        {
            // Later settings win: Testcontainers' own command turns synchronous commit off.
            builder = builder
                .WithCommand("-c", "synchronous_commit=on")
                .WithPortBinding(FreePort(), PostgreSqlBuilder.PostgreSqlPort);
        }
        var container = builder.Build();
        await container.StartAsync();
        RemoveWhenThisProcessEnds(container.Id);
        return container;
    }

    /// <summary>The superuser's connection string to <paramref name="database"/> of the server in <paramref name="container"/>.</summary>
    internal static string ConnectionString(PostgreSqlContainer container, string database) =>
        new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = database }.ConnectionString;

    /// <summary>Sets Testcontainers up for this machine's engine, and answers the image to start servers from.</summary>
    private static async Task<string> PrepareAsync()
    {
        await SpeakTheEnginesApiVersionAsync();
        // Testcontainers' reaper (Ryuk) is an image from a registry; the watcher of RemoveWhenThisProcessEnds does its work.
        TestcontainersSettings.ResourceReaperEnabled = false;
        TestcontainersSettings.WaitStrategyInterval = TimeSpan.FromMilliseconds(100);
        // A server that never comes up fails its tests with the container's log instead of keeping them waiting for good.
        TestcontainersSettings.WaitStrategyTimeout = TimeSpan.FromMinutes(2);
        return Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } image ? image : await FindOrBuildImageAsync();
    }

    /// <summary>
    /// Testcontainers speaks Docker's API version 1.44 unless DOCKER_API_VERSION says otherwise, and an older engine
    /// (Debian's docker.io speaks 1.41) refuses it; so an older engine's own version is set before Testcontainers reads it.
    /// </summary>
    private static async Task SpeakTheEnginesApiVersionAsync()
    {
        const string variable = "DOCKER_API_VERSION";
        using var docker = new DockerClientBuilder().Build();
        string engineApi;
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            engineApi = (await docker.System.GetVersionAsync(patience.Token)).APIVersion;
        }
        catch (Exception error) when (error is HttpRequestException or DockerApiException or OperationCanceledException or IOException)
        {
            throw new InvalidOperationException(
                $"No Docker engine answers at {docker.Options.Endpoint} ({error.Message}). The .NET tests run their PostgreSQL " +
                "servers in Docker containers (Testcontainers): `make test` installs Debian's docker.io and starts dockerd " +
                "when it runs as root; otherwise install Docker and start its daemon. WORKFORCE_TEST_DATABASE (an admin " +
                "connection string) points the tests at a server of yours instead, though the fault tests always start containers.",
                error);
        }
        if (Environment.GetEnvironmentVariable(variable) is null or "" && Version.Parse(engineApi) < new Version(1, 44))
        {
            Environment.SetEnvironmentVariable(variable, engineApi);
        }
    }

    private static async Task<string> FindOrBuildImageAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "postgres-image", "image.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL image for the tests: {script} exited with {process.ExitCode}: {(await errors).Trim()} " +
                $"(`make test` prepares it; or set {ImageVariable} to an image of PostgreSQL 15 or later).");
        }
        return (await output).Trim();
    }

    /// <summary>A detached watcher removes the container once this process is gone, however it ends, as Ryuk would.</summary>
    private static void RemoveWhenThisProcessEnds(string containerId)
    {
        var script = $"""
            while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done
            docker rm --force --volumes {containerId}
            """;
        using var watcher = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", $"({script}) </dev/null >/dev/null 2>&1 &"])
        {
            UseShellExecute = false,
        });
        watcher?.WaitForExit();
    }

    /// <summary>A host port free now, for a server that must come back on the port it had.</summary>
    private static ushort FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return (ushort)((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
