namespace Workforce.Cli.Tests;

public sealed class ImportCommandTests(CliApi api) : IClassFixture<CliApi>, IDisposable
{
    private readonly ImportFiles _files = new();

    [Fact]
    public async Task A_valid_file_is_imported_and_its_summary_printed()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.WriteWorkers(importer.Unit, 3);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Matches(@"completed\.", run.Output);
        Assert.Matches(@"rows read\s+3\n", run.Output);
        Assert.Matches(@"rejected\s+0\n", run.Output);
        Assert.Matches(@"\n  created\s+3\n", run.Output);
        Assert.Equal("", run.Error);
        Assert.Equal(3, await importer.WorkerCountAsync());
        Assert.False(File.Exists(file + ".rejected.csv"));
    }

    [Fact]
    public async Task Skipped_rows_exit_2_and_are_saved_next_to_the_file_with_their_reasons()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.Write("workers.csv",
        [
            ImportFiles.WorkersHeader, ImportFiles.Worker(importer.Unit), ImportFiles.Worker(importer.Unit, residentId: "110105194912310021"),
            ImportFiles.Worker(importer.Unit),
        ]);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file, "--mode", "skip-invalid"]);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        Assert.Matches(@"\n  created\s+2\n", run.Output);
        Assert.Matches(@"rejected\s+1\n", run.Output);
        Assert.Contains($"Rejected rows, with the reason for each: {file}.rejected.csv", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, await importer.WorkerCountAsync());
        var rejected = File.ReadAllLines(file + ".rejected.csv");
        Assert.Equal(2, rejected.Length);
        Assert.StartsWith("3,", rejected[1], StringComparison.Ordinal);
        Assert.Contains("residentId: ", rejected[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_all_or_nothing_import_with_a_rejected_row_imports_nothing_and_exits_2()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.Write("workers.csv",
            [ImportFiles.WorkersHeader, ImportFiles.Worker(importer.Unit), ImportFiles.Worker("没有这个车间")]);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Rejected, run.ToString());
        Assert.Contains("Nothing was imported: the import is all or nothing and rejected 1 row.", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"valid\s+1\n", run.Output);
        Assert.DoesNotContain("created", run.Output, StringComparison.Ordinal);
        Assert.Contains("--mode skip-invalid", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, await importer.WorkerCountAsync());
        Assert.Contains("unit: There is no active unit '没有这个车间'", File.ReadAllText(file + ".rejected.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_says_what_would_happen_and_changes_nothing()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.WriteWorkers(importer.Unit, 2);

        var run = await api.RunAsync(importer.Key, ["import", "workers", "--dry-run", file]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Dry run: nothing was changed.", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"would be created\s+2\n", run.Output);
        Assert.Equal(0, await importer.WorkerCountAsync());
    }

    [Fact]
    public async Task Units_and_teams_are_imported_too()
    {
        var importer = await api.NewImporterAsync($"{Importer.WorkerScopes} directory.organisations.write");
        var department = TestIdentity.NewName("生产部");
        var file = _files.Write("units.csv", ["名称,上级,类型", $"{department},,unit", $"总装班,{department},team"]);

        var run = await api.RunAsync(importer.Key, ["import", "units", file]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Matches(@"\n  created\s+2\n", run.Output);
        var units = await (await importer.Enterprise.Client.GetAsync("/api/v1/directory/organisations?limit=200")).ExpectJsonAsync();
        Assert.Contains(units["items"]!.AsArray(), unit => unit!.Str("name") == "总装班");
    }

    [Fact]
    public async Task A_units_file_goes_to_the_units_import()
    {
        var importer = await api.NewImporterAsync($"{Importer.WorkerScopes} directory.organisations.write");
        var file = _files.Write("units.csv", ["部门,上级", "生产部,"]);

        var run = await api.RunAsync(importer.Key, ["import", "units", file]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("Add these columns to the header row: 名称. (422 import_columns_missing)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_the_server_refuses_exits_1_with_the_problems_detail_and_code()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.Write("workers.csv", ["姓名,身份证号,部门", $"张三,{TestIdentity.NewResidentId()},{importer.Unit}"]);

        var run = await api.RunAsync(importer.Key, ["import", "workers", file]);

        Assert.True(run.ExitCode == ExitCodes.Failed, run.ToString());
        Assert.Contains("the server refused the upload: Add these columns to the header row: 工号. (422 import_columns_missing)", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await importer.WorkerCountAsync());
    }

    [Fact]
    public async Task Progress_is_a_line_now_and_then_in_a_log_and_one_line_redrawn_on_a_terminal()
    {
        var importer = await api.NewImporterAsync();
        var file = _files.WriteWorkers(importer.Unit);
        var other = _files.WriteWorkers(importer.Unit, name: "more.csv");

        var logged = await api.RunAsync(importer.Key, ["import", "workers", file]);
        var shown = await api.RunAsync(importer.Key, ["import", "workers", other], terminal: true);

        Assert.True(logged.ExitCode == ExitCodes.Ok, logged.ToString());
        Assert.DoesNotContain('\r', logged.Output);
        Assert.Contains("\nuploading: 100% (", logged.Output, StringComparison.Ordinal);
        Assert.Contains("\ncompleted: 100% (1 row)\n", logged.Output, StringComparison.Ordinal);
        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        Assert.Matches(@"\ruploading +\[#{30}\] 100%", shown.Output);
        Assert.Matches(@"\rcompleted +\[#{30}\] 100%  1 row *\n", shown.Output);
    }

    public void Dispose() => _files.Dispose();
}
