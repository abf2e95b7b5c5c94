using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.TestKit;

/// <summary>
/// One PostgreSQL server per test process, in a Docker container of its own (<see cref="PostgresContainers"/>), or the
/// server that <c>WORKFORCE_TEST_DATABASE</c> names, as an admin connection string. The real migrations are applied once into a
/// template database; each test class then gets its own database cloned from the template in a few milliseconds.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "WORKFORCE_TEST_DATABASE";

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
            admin = await StartPrivateServerAsync();
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
                // The private server may already be gone; nothing is left to clean.
            }
        };
        return new Server(admin, template);
    }

    private static async Task<string> StartPrivateServerAsync()
    {
        var container = await PostgresContainers.StartAsync(killable: false);
        return PostgresContainers.ConnectionString(container, "postgres");
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
