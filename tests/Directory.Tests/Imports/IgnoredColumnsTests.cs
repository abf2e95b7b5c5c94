namespace Workforce.Directory.Tests.Imports;

/// <summary>The columns of a file that the import does not read are named on its job, not dropped without a word.</summary>
public sealed class IgnoredColumnsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task The_columns_no_imported_field_reads_are_listed_on_the_job_in_the_files_order()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var residentId = TestIdentity.NewResidentId();
        var born = $"{residentId[6..10]}-{residentId[10..12]}-{residentId[12..14]}";

        var accepted = await (await enterprise.Client.UploadAsync(ImportFiles.Csv(
        [
            "姓名,性别,工号,民族,身份证号,出生日期,部门,,备注,部门",
            $"张三,男,A001,汉族,{residentId},{born},总装车间,,老员工,另一个车间",
        ]))).ExpectJsonAsync(HttpStatusCode.Accepted);

        // 性别 and 出生日期 are read only to be checked; a second 部门 is not read; a column without a header names nothing.
        string[] ignored = ["性别", "民族", "出生日期", "备注", "部门"];
        Assert.Equal(ignored, accepted["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
        var job = await enterprise.Client.FinishedAsync(accepted.Id());
        Assert.Equal(ignored, job["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal([1, 0, 0], new[] { "created", "rowsRejected", "rowsWarned" }.Select(job.Int));
        var listed = (await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync())["items"]![0]!;
        Assert.Equal(ignored, listed["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
        var worker = (await (await enterprise.Client.GetAsync("/api/v1/directory/workers?q=A001")).ExpectJsonAsync())["items"]![0]!;
        Assert.Equal("总装车间", worker.Str("unitName"));
    }

    [Fact]
    public async Task A_file_of_only_the_columns_an_import_reads_ignores_none()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow("总装车间")]));

        Assert.Empty(job["ignoredColumns"]!.AsArray());
    }

    [Fact]
    public async Task A_units_file_names_its_ignored_columns_too()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(["名称,负责人,类型,人数", "生产部,李四,部门,120"]), "mode=allOrNothing", "units");

        Assert.Equal(1, job.Int("created"));
        Assert.Equal(["负责人", "人数"], job["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task A_header_row_of_thousands_of_unknown_long_columns_is_named_in_part()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var extra = Enumerable.Range(1, 5_000).Select(i => $"第{i}列" + new string('长', 300)).ToList();

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
            [string.Join(',', ["姓名", "工号", "身份证号", "部门", .. extra]), string.Join(',', ["王五", "B001", TestIdentity.NewResidentId(), "总装车间", .. extra.Select(_ => "")])]));

        var ignored = job["ignoredColumns"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(100, ignored.Count);
        Assert.StartsWith("第1列长", ignored[0]);
        Assert.EndsWith("…", ignored[0]);
        Assert.Equal(101, ignored[0].Length);
        Assert.StartsWith("第100列", ignored[^1]);
        Assert.Equal(1, job.Int("created"));
    }
}
