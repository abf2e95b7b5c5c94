using System.Net.Http.Json;

namespace Workforce.Cli.Tests;

/// <summary>The client against an API answering from a script: for what the real one cannot be made to do on cue.</summary>
public sealed class ScriptedApiTests : IDisposable
{
    private static readonly Guid JobId = Guid.CreateVersion7();
    private readonly ImportFiles _files = new();

    [Fact]
    public async Task The_upload_streams_the_file_and_says_the_mode_dry_run_file_name_and_organisation()
    {
        var organisation = Guid.NewGuid();
        var file = _files.Write("工人 名单.xlsx", ["not really a workbook"]);
        var api = new ScriptedApi(_ => ScriptedApi.Answer(HttpStatusCode.Accepted, Job("completed")));

        var run = await RunAsync(api, ["import", "workers", file, "--mode", "skip-invalid", "--dry-run", "--org", organisation.ToString()]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var upload = api.Requests[0];
        Assert.Equal($"POST /api/v1/directory/imports/workers?mode=skipInvalid&fileName=%E5%B7%A5%E4%BA%BA%20%E5%90%8D%E5%8D%95.xlsx&dryRun=true", upload.Line);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", upload.ContentType);
        Assert.Equal(await File.ReadAllBytesAsync(file), upload.Body);
        Assert.Equal(organisation.ToString(), upload.Organisation);
        Assert.Equal("Bearer wf_000000000000_scripted", upload.Authorization);
    }

    [Fact]
    public async Task A_job_that_fails_exits_1_with_the_reason_the_server_gives()
    {
        var file = _files.Write("workers.csv", [ImportFiles.WorkersHeader]);
        var api = new ScriptedApi(
            _ => ScriptedApi.Answer(HttpStatusCode.Accepted, Job("queued")),
            _ => ScriptedApi.Answer(HttpStatusCode.OK, Job("failed", "The database connection was lost; nothing of this import was applied.")));

        var run = await RunAsync(api, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains($"import {JobId} failed: The database connection was lost; nothing of this import was applied.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_unavailable_for_a_moment_while_the_job_is_followed_is_asked_again()
    {
        var file = _files.Write("workers.csv", [ImportFiles.WorkersHeader]);
        var api = new ScriptedApi(
            _ => ScriptedApi.Answer(HttpStatusCode.Accepted, Job("queued")),
            _ => ScriptedApi.Answer(HttpStatusCode.ServiceUnavailable, new { status = 503, code = "database_unavailable", detail = "Try again shortly." }),
            _ => ScriptedApi.Answer(HttpStatusCode.OK, Job("completed")));

        var run = await RunAsync(api, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal([$"GET /api/v1/directory/imports/{JobId}", $"GET /api/v1/directory/imports/{JobId}"], api.Requests.Skip(1).Select(r => r.Line));
    }

    [Fact]
    public async Task A_server_that_stays_unavailable_leaves_the_job_to_follow_by_hand()
    {
        var file = _files.Write("workers.csv", [ImportFiles.WorkersHeader]);
        var api = new ScriptedApi(
            _ => ScriptedApi.Answer(HttpStatusCode.Accepted, Job("queued")),
            _ => ScriptedApi.Answer(HttpStatusCode.ServiceUnavailable, new { status = 503, code = "database_unavailable", detail = "Try again shortly." }));

        var run = await RunAsync(api, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("Try again shortly. (503 database_unavailable)", run.Error, StringComparison.Ordinal);
        Assert.Contains($"goes on on the server; follow it at http://scripted.test/api/v1/directory/imports/{JobId}", run.Error, StringComparison.Ordinal);
    }

    private static Task<CliRun> RunAsync(ScriptedApi api, string[] args) => CliApi.RunCliAsync(args, api, new Dictionary<string, string?>
    {
        ["WORKFORCE_API_URL"] = "http://scripted.test",
        ["WORKFORCE_API_KEY"] = "wf_000000000000_scripted",
        ["WORKFORCE_POLL_MILLISECONDS"] = "1",
    });

    private static object Job(string phase, string? error = null) => new
    {
        id = JobId,
        kind = "workers",
        mode = "allOrNothing",
        dryRun = false,
        phase,
        rowsRead = 0,
        rowsValid = 0,
        rowsRejected = 0,
        created = 0,
        updated = 0,
        unchanged = 0,
        percent = phase == "queued" ? 60 : 100,
        error,
    };

    public void Dispose() => _files.Dispose();

    /// <summary>Answers each request with the next answer of the script (the last one again once it runs out), and keeps what was asked.</summary>
    private sealed class ScriptedApi(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public sealed record Request(string Line, string? ContentType, byte[]? Body, string? Organisation, string? Authorization);

        public List<Request> Requests { get; } = [];

        public static HttpResponseMessage Answer(HttpStatusCode status, object body) => new(status) { Content = JsonContent.Create(body) };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new Request($"{request.Method} {request.RequestUri!.PathAndQuery}", request.Content?.Headers.ContentType?.MediaType,
                request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken),
                request.Headers.TryGetValues("X-Organisation-Id", out var organisation) ? organisation.Single() : null,
                request.Headers.Authorization?.ToString()));
            return answers[Math.Min(Requests.Count - 1, answers.Length - 1)](request);
        }
    }
}
