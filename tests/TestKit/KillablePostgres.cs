using Npgsql;
using Workforce.BuildingBlocks.Data;

namespace Workforce.TestKit;

/// <summary>
/// A PostgreSQL server of one test fixture's own, with the real migrations applied, for fault tests: <see cref="KillAsync"/>
/// stops it hard (an immediate shutdown, so the next start runs crash recovery, as after the server process died) and
/// <see cref="StartAgainAsync"/> brings it back on the same port. The other tests of the process keep the shared server.
/// Commits are acknowledged only once their WAL is written, as in production, so what was acknowledged survives a kill.
/// </summary>
public sealed class KillablePostgres : IAsyncDisposable
{
    private readonly EmbeddedPostgres _cluster;

    private KillablePostgres(EmbeddedPostgres cluster, string connectionString)
    {
        _cluster = cluster;
        ConnectionString = connectionString;
    }

    /// <summary>The migrated database's connection string.</summary>
    public string ConnectionString { get; }

    public static async Task<KillablePostgres> StartAsync()
    {
        var cluster = await TestPostgres.StartThrowAwayClusterAsync(asynchronousCommit: false);
        var database = await TestPostgres.CreateDatabaseAsync(cluster.ConnectionString("postgres"), "workforce");
        await TestPostgres.MigrateAsync(database);
        return new KillablePostgres(cluster, database);
    }

    /// <summary>Stops the server at once: every session is cut off mid-statement and nothing is shut down cleanly.</summary>
    public async Task KillAsync()
    {
        var exit = await _cluster.KillAsync();
        if (exit != 0)
        {
            throw new InvalidOperationException($"pg_ctl stop -m immediate exited with {exit}.");
        }
    }

    /// <summary>Starts the server again on its data directory; it recovers from the kill before it takes connections.</summary>
    public Task StartAgainAsync() => _cluster.StartAsync();

    /// <summary>A connection of the test's own, outside the application's pool.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync() => await _cluster.KillAsync();
}
