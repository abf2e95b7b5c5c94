namespace Workforce.Directory.Tests.Imports;

/// <summary>
/// Every row of the rejected-rows file shows its cells as the file had them, whether it was rejected as it was read or
/// only when the file was checked as a whole (a duplicate within the file, a clash with the register, a unit's parent).
/// </summary>
public sealed class RejectedRowCellsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Header = "姓名,工号,身份证号,手机,部门,岗位,技能等级,工会会员,入会日期,党员,入职日期,外部编号";

    [Fact]
    public async Task A_row_rejected_as_a_duplicate_or_a_clash_with_the_register_shows_the_cells_as_the_file_had_them()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var department = await enterprise.AddUnitAsync("生产部");
        var workshop = await enterprise.AddUnitAsync("总装车间", department.Id());
        var someone = await enterprise.RegisterWorkerAsync(workshop.Id());
        var person = TestIdentity.NewResidentId();
        string Row(string number, string residentId, string externalId) =>
            $"{TestIdentity.NewName("张")},{number},{residentId},13912345678,生产部/总装车间,装配工,初级工,是,2015年3月1日,否,2010/7/1,{externalId}";

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
        [
            Header,
            Row("D001", person, "HR-1"),
            Row("D001", TestIdentity.NewResidentId(), "HR-2"),
            Row("D003", someone.Str("residentId"), "HR-3"),
        ]));

        Assert.Equal([1, 2], new[] { "created", "rowsRejected" }.Select(job.Int));
        var lines = (await enterprise.Client.RejectedCsvAsync(job)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["3", "4"], lines.Skip(1).Select(line => line.Split(',')[0]));
        foreach (var (line, number, externalId) in new[] { (lines[1], "D001", "HR-2"), (lines[2], "D003", "HR-3") })
        {
            var cells = line.Split(',');
            Assert.Equal([number, "139****5678", "生产部/总装车间", "装配工", "初级工", "是", "2015年3月1日", "否", "2010/7/1", externalId],
                cells[2..3].Concat(cells[4..13]));
            Assert.Matches(@"^\d{3}\*{11}[\dX]{4}$", cells[3]);
            Assert.DoesNotContain(workshop.Id().ToString(), line);
            Assert.DoesNotContain("elementary", line);
            Assert.DoesNotContain("true", line);
        }
        Assert.Contains("Row 2 of the file has this employee number too", lines[1]);
        Assert.Contains("registered as another worker", lines[2]);
    }

    [Fact]
    public async Task A_unit_row_rejected_when_the_tree_is_planned_shows_its_kind_as_the_file_spelled_it()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(["名称,上级,类型,编码", "总装车间,没有的部门,车间,ZZ", "一班,总装车间,班组,"]), "mode=skipInvalid", "units");

        Assert.Equal(2, job.Int("rowsRejected"));
        var lines = (await enterprise.Client.RejectedCsvAsync(job)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2,总装车间,没有的部门,车间,ZZ,not imported,", lines[1]);
        Assert.StartsWith("3,一班,总装车间,班组,,not imported,", lines[2]);
    }
}
