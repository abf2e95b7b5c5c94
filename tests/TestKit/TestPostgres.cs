using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.TestKit;

/// <summary>
/// One PostgreSQL server per test process, started the way the Host starts its embedded one (or the server that
/// <c>WORKFORCE_TEST_DATABASE</c> names, as an admin connection string). The real migrations are applied once into a
/// template database; each test class then gets its own database cloned from the template in a few milliseconds.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "WORKFORCE_TEST_DATABASE";

    private static readonly string ClustersRoot = Path.Combine(Path.GetTempPath(), "workforce-tests");
    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);
    private static readonly SemaphoreSlim CloneGate = new(1, 1);

    public static string MigrationsDirectory => Path.Combine(AppContext.BaseDirectory, "db-migrations");

    /// <summary>A new database with every migration applied.</summary>
    public static async Task<string> CreateMigratedDatabaseAsync()
    {
        var server = await Shared.Value;
        return await CreateAsync(server, server.Template);
    }

    /// <summary>A new database with nothing in it, for tests of the migrations themselves.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync() => await CreateAsync(await Shared.Value, "template0");

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Shared.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await ExecuteAsync(server.Admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> CreateAsync(Server server, string template)
    {
        var name = $"wf_{Guid.NewGuid():N}";
        // PostgreSQL refuses to copy a template that another CREATE DATABASE is copying.
        await CloneGate.WaitAsync();
        try
        {
            await ExecuteAsync(server.Admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            CloneGate.Release();
        }
        return WithDatabase(server.Admin, name);
    }

    private static async Task<Server> StartAsync()
    {
        var admin = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            admin = await StartPrivateClusterAsync();
        }

        var template = $"wf_template_{Guid.NewGuid():N}";
        await MigrateAsync(await CreateDatabaseAsync(admin, template));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The private cluster may already be gone; nothing is left to clean.
            }
        };
        return new Server(admin, template);
    }

    private static async Task<string> StartPrivateClusterAsync()
    {
        // Nobody kills this one, so commits need not wait for their WAL.
        var cluster = await StartThrowAwayClusterAsync(asynchronousCommit: true);
        return cluster.ConnectionString("postgres");
    }

    /// <summary>A throw-away cluster under the temp directory, removed when the process exits (or by the next run, if it was killed).</summary>
    internal static async Task<EmbeddedPostgres> StartThrowAwayClusterAsync(bool asynchronousCommit)
    {
        RemoveAbandonedClusters();
        var directory = Path.Combine(ClustersRoot, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        var cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(directory, "pg"),
            Database = "postgres",
            Ephemeral = true,
            AsynchronousCommit = asynchronousCommit,
        });
        await cluster.StartAsync();
        RemoveWhenThisProcessEnds(directory);
        return cluster;
    }

    /// <summary>Applies every migration to the database of <paramref name="connectionString"/>.</summary>
    internal static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrations = new MigrationRunner(dataSource, MigrationScript.LoadDirectory(MigrationsDirectory), NullLogger<MigrationRunner>.Instance);
        await migrations.MigrateAsync();
    }

    /// <summary>Creates a database on the server of <paramref name="admin"/> (an admin connection string) and answers its connection string.</summary>
    internal static async Task<string> CreateDatabaseAsync(string admin, string name)
    {
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        return WithDatabase(admin, name);
    }

    /// <summary>
    /// A detached watcher stops the cluster and deletes it once this process is gone, however it ends: the test host
    /// is often torn down before exit handlers finish.
    /// </summary>
    private static void RemoveWhenThisProcessEnds(string directory)
    {
        var script = $"""
            while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done
            postmaster=$(head -n 1 '{directory}/pg/postmaster.pid' 2>/dev/null)
            if [ -n "$postmaster" ]; then
              kill -QUIT "$postmaster" 2>/dev/null
              for _ in $(seq 50); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.1; done
            fi
            rm -rf '{directory}'
            """;
        using var watcher = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", $"({script}) </dev/null >/dev/null 2>&1 &"])
        {
            UseShellExecute = false,
        });
        watcher?.WaitForExit();
    }

    private static void RemoveAbandonedClusters()
    {
        if (!System.IO.Directory.Exists(ClustersRoot))
        {
            return;
        }
        foreach (var directory in System.IO.Directory.GetDirectories(ClustersRoot))
        {
            var owner = Path.GetFileName(directory).Split('-')[0];
            if (int.TryParse(owner, out var pid) && !System.IO.Directory.Exists($"/proc/{pid}"))
            {
                Remove(new EmbeddedPostgres(new EmbeddedPostgresOptions { DataDirectory = Path.Combine(directory, "pg") }), directory);
            }
        }
    }

    private static void Remove(EmbeddedPostgres cluster, string directory)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            cluster.KillAsync().GetAwaiter().GetResult();
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or EmbeddedPostgresException)
        {
            Console.Error.WriteLine($"Could not remove the test cluster in {directory}: {error.Message}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = true }.ConnectionString;

    private sealed record Server(string Admin, string Template);
}
