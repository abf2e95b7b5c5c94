using Dapper;
using Npgsql;

namespace Workforce.TestKit;

/// <summary>A database of the test server (empty, or migrated), for one test, with a data source over it; dropped when disposed.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private ScratchDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<ScratchDatabase> CreateAsync() => new(await TestPostgres.CreateEmptyDatabaseAsync());

    /// <summary>A database with every migration applied, for tests of what the migrations built.</summary>
    public static async Task<ScratchDatabase> CreateMigratedAsync() => new(await TestPostgres.CreateMigratedDatabaseAsync());

    /// <summary>Another data source over the same database: its own pool, as a second process would have.</summary>
    public NpgsqlDataSource NewDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql)).AsList();
    }

    /// <summary>Whether a table (or other relation) of this name exists.</summary>
    public async Task<bool> ExistsAsync(string relation)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>("SELECT to_regclass(@relation) IS NOT NULL", new { relation });
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
