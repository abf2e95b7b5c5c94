namespace Workforce.Cli.Tests;

public sealed class CommandLineTests(CliApi api) : IClassFixture<CliApi>, IDisposable
{
    private readonly ImportFiles _files = new();

    [Fact]
    public async Task Help_shows_the_commands_options_and_exit_codes()
    {
        var run = await api.RunAsync(null, ["import", "--help"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("Usage: workforce import workers FILE [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("--mode MODE", run.Output, StringComparison.Ordinal);
        Assert.Contains("64 the command line is wrong", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Usage: workforce import workers FILE")]
    [InlineData("export workers w.csv", "Unknown command 'export'")]
    [InlineData("import people w.csv", "Say what to import: workers or units.")]
    [InlineData("import workers", "Name the file to import.")]
    [InlineData("import workers w.csv more.csv", "Unexpected argument 'more.csv'")]
    [InlineData("import workers w.csv --mode some", "--mode is all-or-nothing or skip-invalid, not 'some'.")]
    [InlineData("import workers w.csv --org acme", "--org takes an organisation id (a UUID), not 'acme'.")]
    [InlineData("import workers w.csv --org", "--org needs a value.")]
    [InlineData("import workers w.csv --api ftp://example.com", "--api takes the API's http or https address")]
    [InlineData("import workers w.csv --dry-run=yes", "--dry-run takes no value.")]
    [InlineData("import workers w.csv --colour", "Unknown option '--colour'.")]
    public async Task A_wrong_command_line_is_a_usage_error_that_says_what_is_wrong(string commandLine, string message)
    {
        var run = await api.RunAsync("wf_000000000000_unused", commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Without_a_key_it_refuses_to_run_and_says_how_to_get_one()
    {
        var file = _files.Write("workers.csv", [ImportFiles.WorkersHeader]);

        var run = await api.RunAsync(null, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("No API key: pass --key or set WORKFORCE_API_KEY.", run.Error, StringComparison.Ordinal);
        Assert.Contains("POST /api/v1/access/clients", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_there_is_a_usage_error()
    {
        var missing = Path.Combine(_files.Folder, "nowhere.csv");

        var run = await api.RunAsync("wf_000000000000_unused", ["import", "workers", missing]);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains($"there is no file '{missing}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_401_and_a_hint()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.WriteWorkers(importer.Unit);

        var run = await api.RunAsync("wf_000000000000_" + new string('x', 43), ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("(401 unauthenticated)", run.Error, StringComparison.Ordinal);
        Assert.Contains("Check the API key", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await importer.WorkerCountAsync());
    }

    [Fact]
    public async Task An_organisation_the_key_does_not_act_for_is_refused_with_403()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.WriteWorkers(importer.Unit);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file, "--org", Guid.NewGuid().ToString()]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("the server refused the upload: You hold no role at this organisation or above it. (403 organisation_not_granted)",
            run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_keys_own_organisation_may_be_named()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.WriteWorkers(importer.Unit);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file, $"--org={importer.Enterprise.Id}"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(1, await importer.WorkerCountAsync());
    }

    [Fact]
    public async Task A_key_without_the_permission_is_refused_with_403()
    {
        var importer = await api.NewImporterAsync("directory.workers.read");
        var file = _files.WriteWorkers(importer.Unit);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("This needs the directory.workers.write permission at the organisation you act for. (403 forbidden)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_exits_1()
    {
        var file = _files.WriteWorkers("车间");

        var run = await CliApi.RunCliAsync(["import", "workers", file, "--api", "http://127.0.0.1:1"], handler: null,
            new Dictionary<string, string?> { ["WORKFORCE_API_KEY"] = "wf_000000000000_unused" });

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("cannot reach the Workforce API at http://127.0.0.1:1/", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
