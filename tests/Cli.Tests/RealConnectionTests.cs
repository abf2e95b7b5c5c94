using System.Globalization;
using System.Text.RegularExpressions;

namespace Workforce.Cli.Tests;

/// <summary>The client over a real HTTP connection to Kestrel: streaming a big upload, and refusals that come before the body is all sent.</summary>
public sealed class RealConnectionTests(KestrelCliApi api) : IClassFixture<KestrelCliApi>, IDisposable
{
    private readonly ImportFiles _files = new();

    /// <summary>20,000 rows, a megabyte, sent a buffer at a time while the bar moves.</summary>
    [Fact]
    public async Task Twenty_thousand_rows_go_through_with_their_progress_shown()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.Write("workers.csv", [ImportFiles.WorkersHeader, .. ImportFiles.Workers(20_000, importer.Unit)]);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        AssertProgress(run, 20_000);
        Assert.Equal(20_000, await importer.WorkerCountAsync());
    }

    [Fact]
    public async Task A_file_refused_while_it_is_being_sent_still_gets_its_problem_reported()
    {
        var importer = await api.NewImporterAsync();
        var file = WithoutEmployeeNumbers(importer.Unit);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("(422 import_columns_missing)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_over_a_real_connection()
    {
        var importer = await api.NewImporterAsync();
        var file = WithoutEmployeeNumbers(importer.Unit);

        var run = await api.RunAsync("wf_000000000000_" + new string('x', 43), ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("(401 unauthenticated)", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Eight megabytes the server refuses at the header row, long before they are all sent.</summary>
    private string WithoutEmployeeNumbers(string unit) => _files.Write("workers.csv", ["姓名,部门", .. Enumerable.Repeat($"张三,{unit}", 400_000)]);

    /// <summary>Several lines of upload progress in bytes, then the job's phases, ending completed; then the summary.</summary>
    private static void AssertProgress(CliRun run, int rows)
    {
        var count = rows.ToString("N0", CultureInfo.InvariantCulture);
        var progress = run.Output.Split('\n').Where(line => Regex.IsMatch(line, @"^\w+: \d+% \(")).ToList();
        Assert.True(progress.Count(line => line.StartsWith("uploading: ", StringComparison.Ordinal)) > 2, run.ToString());
        Assert.Contains(progress, line => Regex.IsMatch(line, @"^uploading: 100% \(([\d.]+ [KM]B) of \1\)$"));
        Assert.Equal($"completed: 100% ({count} rows)", progress[^1]);
        Assert.Matches($@"\n  created\s+{count}\n", run.Output);
    }

    public void Dispose() => _files.Dispose();
}
