using System.Net;
using Npgsql;

namespace Workforce.Directory.Tests.Imports;

/// <summary>
/// An upload that never finishes arriving ends as a failed job saying to upload again, whether its client went away
/// or its API instance died with the job in reading; an upload that a live instance is still reading is left alone.
/// </summary>
public sealed class InterruptedUploadTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string UploadAgain = "The upload stopped before the whole file was read";

    [Fact]
    public async Task An_upload_its_client_abandons_midway_ends_failed_saying_to_upload_it_again()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");
        var upload = new HeldUpload(ImportFiles.Csv(Enumerable.Range(0, 100).Select(_ => ImportFiles.WorkerRow("车间")).Prepend(ImportFiles.Header)));
        using var abandon = new CancellationTokenSource();

        var sending = (await UploaderAsync(enterprise)).SendAsync(HttpMethod.Post, "/api/v1/directory/imports/workers", upload, cancellation: abandon.Token);
        var job = await ReadingJobAsync(enterprise);
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        var failed = await enterprise.Client.FinishedAsync(job);
        Assert.Equal("failed", failed.Str("phase"));
        Assert.StartsWith(UploadAgain, failed.Str("error"));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM directory.import_rows WHERE job_id = $1", job));
    }

    [Fact]
    public async Task A_job_left_in_reading_by_an_instance_that_died_is_failed_and_one_a_live_instance_still_reads_is_not()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");
        var upload = new HeldUpload(ImportFiles.Csv(Enumerable.Range(0, 100).Select(_ => ImportFiles.WorkerRow("车间")).Prepend(ImportFiles.Header)));
        var sending = (await UploaderAsync(enterprise)).SendAsync(HttpMethod.Post, "/api/v1/directory/imports/workers", upload);
        var live = await ReadingJobAsync(enterprise);

        // What an instance killed mid-upload leaves: its job in reading, and no session of it holding the job any more.
        var orphan = Guid.CreateVersion7();
        await ScalarAsync<int>(
            """
            INSERT INTO directory.import_jobs (tenant_id, id, kind, mode, dry_run, phase, created_by_kind, created_by_name)
            VALUES ($1, $2, 'workers', 'allOrNothing', false, 'reading', 'user', 'an instance since killed')
            RETURNING 1
            """, enterprise.Id, orphan);

        var failed = await enterprise.Client.FinishedAsync(orphan);
        Assert.Equal("failed", failed.Str("phase"));
        Assert.StartsWith(UploadAgain, failed.Str("error"));
        // The runner looks at the jobs in reading oldest first, so the pass that failed the orphan had looked at the live one.
        var stillReading = await (await enterprise.Client.GetAsync($"/api/v1/directory/imports/{live}")).ExpectJsonAsync();
        Assert.Equal("reading", stillReading.Str("phase"));

        upload.Release();
        await (await sending).ExpectJsonAsync(HttpStatusCode.Accepted);
        var completed = await enterprise.Client.FinishedAsync(live);
        Assert.Equal("completed", completed.Str("phase"));
        Assert.Equal(100, completed.Int("created"));
    }

    /// <summary>An integration of the enterprise uploading, its request body sent as it is written.</summary>
    private async Task<Caller> UploaderAsync(TestEnterprise enterprise) =>
        api.StreamingWithApiKey((await enterprise.CreateApiClientAsync("directory.workers.read", "directory.workers.write")).Key);

    /// <summary>The id of the enterprise's import in reading, once there is one.</summary>
    private static async Task<Guid> ReadingJobAsync(TestEnterprise enterprise)
    {
        var jobs = await Eventually.ForAsync("the upload's job to be reading",
            async () => (await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync())["items"]!.AsArray(),
            items => items.Any(j => j!.Str("phase") == "reading"), items => items.ToJsonString());
        return jobs.First(j => j!.Str("phase") == "reading")!.Id();
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A body that sends the file's first half at once and the rest only when released: an upload still arriving.</summary>
    private sealed class HeldUpload(byte[] file) : HttpContent
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(file.AsMemory(0, file.Length / 2), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await _released.Task.WaitAsync(cancellationToken);
            await stream.WriteAsync(file.AsMemory(file.Length / 2), cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

