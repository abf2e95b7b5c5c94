namespace Workforce.Directory.Tests.Imports;

/// <summary>
/// A file's 性别 and 出生日期, which the register takes from the resident ID number instead, checked against the number:
/// a row where they disagree is imported and listed with a warning.
/// </summary>
public sealed class IdentityColumnsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Header = "姓名,工号,身份证号,部门,性别,出生日期";

    /// <summary>A man born on 1988-06-15 (an odd 17th digit), a different number for each sequence.</summary>
    private static string Man(int sequence) => TestIdentity.ResidentId("320505", new DateOnly(1988, 6, 15), sequence * 2 + 1);

    private static string Row(string employeeNumber, string residentId, string gender, string born, string unit = "总装车间") =>
        $"{TestIdentity.NewName("张")},{employeeNumber},{residentId},{unit},{gender},{born}";

    [Fact]
    public async Task Rows_whose_gender_or_birth_date_disagree_with_the_resident_id_are_imported_with_a_warning()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
        [
            Header,
            Row("G001", Man(1), "男", "1988-06-15"),
            Row("G002", Man(2), "女", "1988/6/15"),
            Row("G003", Man(3), "男", "1988-06-16"),
            Row("G004", Man(4), "M", "1988年6月"),
            Row("G005", Man(5), "未知", "不详"),
            Row("G006", Man(6), "女", "1988-06-15", unit: "没有的车间"),
            Row("G007", "123", "女", "1990-01-01"),
        ]));

        Assert.Equal([7, 5, 2, 5, 4], new[] { "rowsRead", "rowsValid", "rowsRejected", "created", "rowsWarned" }.Select(job.Int));
        var csv = await enterprise.Client.RejectedCsvAsync(job);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",外部编号,性别,出生日期,结果,原因,提醒", lines[0]);
        var byRow = lines.Skip(1).ToDictionary(line => int.Parse(line.Split(',')[0]));
        // Rows 2 and 5 agree (a birth month is compared as a month), row 8's number is no resident ID to check against.
        Assert.Equal([3, 4, 6, 7, 8], byRow.Keys.Order());
        Assert.Contains(",女,1988/6/15,imported,,", byRow[3]);
        Assert.Contains("gender: The file says 女, but the resident ID number is a man's", byRow[3]);
        Assert.Contains("birthDate: The file says 1988-06-16, but the resident ID number gives 1988-06-15", byRow[4]);
        Assert.Contains("'未知' is not a gender this column takes", byRow[6]);
        Assert.Contains("'不详' is not a date this column takes", byRow[6]);
        Assert.Contains(",not imported,", byRow[7]);
        Assert.Contains("There is no active unit", byRow[7]);
        Assert.Contains("the resident ID number is a man's", byRow[7]);
        Assert.DoesNotContain("gender:", byRow[8]);
        var registered = (await (await enterprise.Client.GetAsync("/api/v1/directory/workers?q=G002")).ExpectJsonAsync())["items"]![0]!;
        Assert.Equal("male", registered.Str("gender"));
        var full = await (await enterprise.Client.GetAsync($"/api/v1/directory/workers/{registered.Id()}")).ExpectJsonAsync();
        Assert.Equal("1988-06-15", full.Str("birthDate"));
    }

    [Fact]
    public async Task The_warnings_are_said_in_chinese_to_a_chinese_uploader_and_a_dry_run_says_the_row_can_be_imported()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var chinese = enterprise.Client.InChinese();

        var accepted = await (await chinese.UploadAsync(ImportFiles.Csv([Header, Row("H001", Man(1), "女", "1988-07-15")]), "dryRun=true"))
            .ExpectJsonAsync(HttpStatusCode.Accepted);
        var job = await chinese.FinishedAsync(accepted.Id());

        Assert.Equal([0, 1, 1], new[] { "rowsRejected", "rowsWarned", "created" }.Select(job.Int));
        Assert.Equal("dryRun", job.Str("outcome"));
        var line = (await chinese.RejectedCsvAsync(job)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Contains(",可以导入,,", line);
        Assert.Contains("性别：文件中为“女”，而身份证号是男性的；登记的性别以身份证号为准，请核对。", line);
        Assert.Contains("出生日期：文件中为 1988-07-15，而身份证号中的出生日期是 1988-06-15", line);
        Assert.Equal(0, await enterprise.WorkerCountAsync());
    }

    [Fact]
    public async Task All_or_nothing_imports_a_file_whose_rows_only_have_warnings()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv([Header, Row("K001", Man(1), "女", "1988-06-15")]), "mode=allOrNothing");

        Assert.Equal("merged", job.Str("outcome"));
        Assert.Equal([1, 0, 1], new[] { "created", "rowsRejected", "rowsWarned" }.Select(job.Int));
        Assert.Equal(1, await enterprise.WorkerCountAsync());
        Assert.Contains(",imported,", await enterprise.Client.RejectedCsvAsync(job));
    }
}
