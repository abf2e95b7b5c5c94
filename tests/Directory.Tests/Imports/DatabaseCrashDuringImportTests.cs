using Npgsql;

namespace Workforce.Directory.Tests.Imports;

/// <summary>
/// The PostgreSQL server killed while an import merges, then started again: crash recovery empties the unlogged
/// staging table, and the job, picked up again, must fail saying so rather than merge nothing and call it done.
/// </summary>
public sealed class DatabaseCrashDuringImportTests(KillableDatabaseApi api) : IClassFixture<KillableDatabaseApi>
{
    [Fact]
    public async Task An_import_cut_off_by_a_database_crash_during_its_merge_fails_saying_to_upload_again_and_applies_nothing()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");
        var file = ImportFiles.Csv(Enumerable.Range(0, 300).Select(_ => ImportFiles.WorkerRow("车间")).Prepend(ImportFiles.Header));
        var earlier = await enterprise.Client.ImportAsync(ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow("没有的车间")]), "dryRun=true");
        Assert.Equal(1, earlier.Int("rowsRejected"));

        var holder = await api.Postgres!.OpenAsync();
        // The merge takes the tenant's outbox lock first, inside its transaction; holding it keeps the merge there.
        var held = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('outbox:' || $1::text, 0))", holder, held))
        {
            hold.Parameters.Add(new NpgsqlParameter { Value = enterprise.Id });
            await hold.ExecuteNonQueryAsync();
        }
        var job = (await (await enterprise.Client.UploadAsync(file)).ExpectJsonAsync(HttpStatusCode.Accepted)).Id();
        await using (var watcher = await api.Postgres.OpenAsync())
        {
            await Eventually.UntilAsync("the job to be merging, its merge waiting for the outbox lock", async () =>
                (await (await enterprise.Client.GetAsync($"/api/v1/directory/imports/{job}")).ExpectJsonAsync()).Str("phase") == "merging"
                && await WaitersForAdvisoryLockAsync(watcher) > 0);
        }
        var runnerFailures = api.Logged("Looking for imports to run failed");

        await api.Postgres.KillAsync();
        // Until the runner has given the job up (it cannot record why with the server down), so the job is left merging.
        await Eventually.UntilAsync("the import runner to give up the cut-off merge", () => Task.FromResult(api.Logged("Looking for imports to run failed") > runnerFailures));
        await holder.DisposeAsync();
        await api.Postgres.StartAgainAsync();

        await api.ReadyAgainAsync();
        var failed = await enterprise.Client.FinishedAsync(job);
        Assert.Equal("failed", failed.Str("phase"));
        Assert.Contains("300 rows were read from the file but only 0 are still staged", failed.Str("error"));
        Assert.Contains("Upload the file again", failed.Str("error"));
        Assert.Equal(0, failed.Int("created"));
        Assert.Equal(0, await enterprise.WorkerCountAsync());
        Assert.Empty((await (await enterprise.Client.GetAsync("/api/v1/events?types=directory.worker.registered")).ExpectJsonAsync())["items"]!.AsArray());

        // An import finished before the crash no longer has its rejected rows to give, and says so.
        var lost = await (await enterprise.Client.GetAsync(earlier.Str("rejectedRowsUrl"))).ExpectProblemAsync(HttpStatusCode.Gone, "rejected_rows_lost");
        Assert.Contains("dryRun=true", lost.Detail);

        var again = await enterprise.Client.ImportAsync(file);
        Assert.Equal("completed", again.Str("phase"));
        Assert.Equal(300, again.Int("created"));
    }

    /// <summary>Asked outside any transaction: inside one, pg_stat_activity answers what it saw first.</summary>
    private static async Task<long> WaitersForAdvisoryLockAsync(NpgsqlConnection watcher)
    {
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'",
            watcher);
        return (long)(await waiting.ExecuteScalarAsync())!;
    }
}
