using Npgsql;
using Workforce.BuildingBlocks.Data;

namespace Workforce.BuildingBlocks.Tests.Data;

/// <summary>Real clusters in a temp directory of the test's own, stopped and deleted afterwards.</summary>
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Whichever instance started it, the server in the directory goes before the directory does.
        await Cluster().KillAsync();
        _root.Dispose();
    }

    [Fact]
    public async Task Starting_in_an_empty_directory_creates_a_cluster_that_answers_queries()
    {
        var cluster = Cluster();

        await cluster.StartAsync();

        Assert.True(cluster.StartedHere);
        Assert.True(File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")));
        Assert.Equal("workforce", await ScalarAsync<string>(cluster, "SELECT current_database()"));
    }

    [Fact]
    public async Task A_second_instance_on_a_running_cluster_reuses_it_and_does_not_stop_it()
    {
        var first = Cluster();
        await first.StartAsync();
        var second = Cluster();

        await second.StartAsync();
        await second.StopAsync();

        Assert.False(second.StartedHere);
        Assert.Equal(first.ConnectionString(), second.ConnectionString());
        Assert.Equal(1, await ScalarAsync<int>(first, "SELECT 1"));
    }

    [Fact]
    public async Task A_stopped_cluster_starts_again_with_its_data()
    {
        var first = Cluster();
        await first.StartAsync();
        await ExecuteAsync(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
        await first.StopAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(first, "SELECT 1"));

        var again = Cluster();
        await again.StartAsync();

        Assert.True(again.StartedHere);
        Assert.Equal("still here", await ScalarAsync<string>(again, "SELECT note FROM kept"));
    }

    [Fact]
    public void Without_the_server_binaries_the_error_names_the_package_in_one_line()
    {
        var error = Assert.Throws<EmbeddedPostgresException>(() => EmbeddedPostgres.FindBinDirectory(_root.Path));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("'postgresql' package", error.Message);
    }

    private EmbeddedPostgres Cluster() => new(new EmbeddedPostgresOptions { DataDirectory = _root.Combine("pg"), Ephemeral = true });

    private static async Task<T> ScalarAsync<T>(EmbeddedPostgres cluster, string sql)
    {
        await using var connection = await OpenAsync(cluster);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(EmbeddedPostgres cluster, string sql)
    {
        await using var connection = await OpenAsync(cluster);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Unpooled, so no idle connection outlives the cluster it points at.</summary>
    private static async Task<NpgsqlConnection> OpenAsync(EmbeddedPostgres cluster)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
