using Npgsql;
using Testcontainers.PostgreSql;

namespace Workforce.TestKit;

/// <summary>
/// A PostgreSQL server of one test fixture's own, in a container of its own with the real migrations applied, for fault
/// tests: <see cref="KillAsync"/> stops it hard (an immediate shutdown, so the next start runs crash recovery, as after
/// the server process died) and <see cref="StartAgainAsync"/> starts the same container again, on its data and its port.
/// The other tests of the process keep the shared server. Commits are acknowledged only once their WAL is written, as in
/// production, so what was acknowledged survives a kill.
/// </summary>
public sealed class KillablePostgres : IAsyncDisposable
{
    private readonly PostgreSqlContainer _container;

    private KillablePostgres(PostgreSqlContainer container, string connectionString)
    {
        _container = container;
        ConnectionString = connectionString;
    }

    /// <summary>The migrated database's connection string.</summary>
    public string ConnectionString { get; }

    public static async Task<KillablePostgres> StartAsync()
    {
        var container = await PostgresContainers.StartAsync(killable: true);
        var database = await TestPostgres.CreateDatabaseAsync(PostgresContainers.ConnectionString(container, "postgres"), "workforce");
        await TestPostgres.MigrateAsync(database);
        return new KillablePostgres(container, database);
    }

    /// <summary>Stops the server at once: every session is cut off mid-statement and nothing is shut down cleanly.</summary>
    public async Task KillAsync()
    {
        // SIGQUIT to the server, the container's main process, is PostgreSQL's immediate shutdown (what pg_ctl stop
        // --mode=immediate sends); the container ends with the server, and Docker's wait for its end returns then.
        var signal = await _container.ExecAsync(["sh", "-c", "kill -QUIT 1"]);
        if (signal.ExitCode != 0)
        {
            throw new InvalidOperationException($"Signalling the server to stop failed ({signal.ExitCode}): {signal.Stderr}");
        }
        await _container.GetExitCodeAsync();
    }

    /// <summary>Starts the server again on its data; it recovers from the kill before it takes connections.</summary>
    public Task StartAgainAsync() => _container.StartAsync();

    /// <summary>A connection of the test's own, outside the application's pool.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
