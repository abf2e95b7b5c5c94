using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Workforce.Directory.Tests.Imports;

/// <summary>The database connection broken in the middle of an import: nothing half-written, the job failed with the reason, a second run works.</summary>
public sealed class ImportFaultTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_connection_broken_during_the_merge_leaves_no_worker_and_the_job_failed_with_the_reason()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");
        var file = ImportFiles.Csv(Enumerable.Range(0, 50).Select(_ => ImportFiles.WorkerRow("车间")).Prepend(ImportFiles.Header));

        // The merge takes the tenant's outbox lock; holding it here keeps the merge waiting where it can be cut off.
        await using (var holder = await OpenAsync())
        await using (var held = await holder.BeginTransactionAsync())
        {
            await ExecuteAsync(holder, "SELECT pg_advisory_xact_lock(hashtextextended('outbox:' || $1::text, 0))", held, enterprise.Id);
            var job = await (await enterprise.Client.UploadAsync(file)).ExpectJsonAsync(HttpStatusCode.Accepted);
            var merging = await WaitForBackendAsync("wait_event = 'advisory'");
            await using var killer = await OpenAsync();
            await ExecuteAsync(killer, "SELECT pg_terminate_backend($1)", null, merging);
            await held.RollbackAsync();

            var failed = await enterprise.Client.FinishedAsync(job.Id());
            Assert.Equal("failed", failed.Str("phase"));
            Assert.Contains("connection was lost", failed.Str("error"));
        }
        Assert.Equal(0, await enterprise.WorkerCountAsync());

        var again = await enterprise.Client.ImportAsync(file);
        Assert.Equal("completed", again.Str("phase"));
        Assert.Equal(50, again.Int("created"));
    }

    [Fact]
    public async Task A_connection_broken_while_the_file_is_read_fails_the_upload_and_stages_nothing()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");
        var file = ImportFiles.Csv(Enumerable.Range(0, 30_000).Select(_ => ImportFiles.WorkerRow("车间")).Prepend(ImportFiles.Header));

        var upload = enterprise.Client.UploadAsync(file);
        // Reading reports its progress every 10,000 rows on the job's row; holding that row stops the reading with its
        // COPY open, where the connection can be cut.
        var job = await WaitForAsync<Guid>("SELECT id FROM directory.import_jobs WHERE tenant_id = $1 AND phase = 'reading'", enterprise.Id);
        await using (var holder = await OpenAsync())
        await using (var held = await holder.BeginTransactionAsync())
        {
            await ExecuteAsync(holder, "SELECT 1 FROM directory.import_jobs WHERE id = $1 FOR UPDATE", held, job);
            var copying = await WaitForAsync<int>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY directory.import_rows%' AND $1::text IS NOT NULL", "any");
            await using var killer = await OpenAsync();
            await ExecuteAsync(killer, "SELECT pg_terminate_backend($1)", null, copying);
            await held.RollbackAsync();
        }

        await (await upload).ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        var failed = await (await enterprise.Client.GetAsync($"/api/v1/directory/imports/{job}")).ExpectJsonAsync();
        Assert.Equal("failed", failed.Str("phase"));
        Assert.Contains("connection was lost", failed.Str("error"));
        Assert.Equal(0L, await WaitForAsync<long>("SELECT count(*) FROM directory.import_rows WHERE job_id = $1", job));

        var again = await enterprise.Client.ImportAsync(file);
        Assert.Equal(30_000, again.Int("created"));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, object parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The process id of the first other session of this database matching the condition, once there is one.</summary>
    private Task<int> WaitForBackendAsync(string condition) =>
        WaitForAsync<int>($"SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND {condition} AND $1::text IS NOT NULL", "any");

    /// <summary>The first value the query gives, once it gives one (watching the database, not the clock).</summary>
    private async Task<T> WaitForAsync<T>(string query, object parameter)
    {
        await using var connection = await OpenAsync();
        var found = await Eventually.ForAsync($"something to come of: {query}", async () =>
        {
            await using var find = new NpgsqlCommand(query, connection);
            find.Parameters.Add(new NpgsqlParameter { Value = parameter });
            return await find.ExecuteScalarAsync();
        }, value => value is T);
        return (T)found!;
    }
}

public sealed class ImpatientImportsApi : WorkforceApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Imports:CommandTimeoutSeconds", "1");
    }
}

public sealed class ImportTimeoutTests(ImpatientImportsApi api) : IClassFixture<ImpatientImportsApi>
{
    [Fact]
    public async Task An_import_that_runs_past_its_time_is_stopped_and_says_so()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");
        var file = ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow("车间")]);

        await using var holder = new NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        await using (var held = await holder.BeginTransactionAsync())
        {
            // Checking the rows reads the register; a lock on it keeps the check waiting past the one second allowed.
            await new NpgsqlCommand("LOCK TABLE directory.workers IN ACCESS EXCLUSIVE MODE", holder, held).ExecuteNonQueryAsync();
            var job = await (await enterprise.Client.UploadAsync(file)).ExpectJsonAsync(HttpStatusCode.Accepted);
            var failed = await enterprise.Client.FinishedAsync(job.Id());
            Assert.Equal("failed", failed.Str("phase"));
            Assert.Contains("took longer than allowed", failed.Str("error"));
        }
        Assert.Equal(0, await enterprise.WorkerCountAsync());
    }
}
