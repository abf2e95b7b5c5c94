using System.Text;

namespace Workforce.Directory.Tests.Imports;

/// <summary>
/// Files no spreadsheet program writes: a control character in a cell rejects its row with the reason; a workbook that
/// would make the server hold too much (shared strings, inflation, parts, cells past Excel's limits) is refused with its
/// 4xx before it is read. Never a lost connection or a 500.
/// </summary>
public sealed class UntrustedFileTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_csv_cell_holding_a_nul_character_rejects_its_row_with_the_reason_and_the_other_rows_are_imported()
    {
        var (job, rejected) = await ImportAsync(ImportFiles.Csv(
            [ImportFiles.Header, ImportFiles.WorkerRow("车间"), ImportFiles.WorkerRow("车间", name: "张\0三"), ImportFiles.WorkerRow("车间")]));

        Assert.Equal("completed", job.Str("phase"));
        Assert.Equal((2, 1), (job.Int("created"), job.Int("rowsRejected")));
        Assert.Contains("Cell 1 holds the control character U+0000", rejected);
        Assert.Contains("张\uFFFD三", rejected);
        Assert.DoesNotContain('\0', rejected);
    }

    [Fact]
    public async Task An_xlsx_cell_spelling_a_control_character_rejects_its_row_with_the_reason()
    {
        string[] Worker(string name) => [name, TestIdentity.NewEmployeeNumber(), TestIdentity.NewResidentId(), "车间"];

        var (job, rejected) = await ImportAsync(ImportFiles.Xlsx([["姓名", "工号", "身份证号", "部门"], Worker("王五"), Worker("李_x0000_四"), Worker("赵_x0007_六")]));

        Assert.Equal("completed", job.Str("phase"));
        Assert.Equal((1, 2), (job.Int("created"), job.Int("rowsRejected")));
        Assert.Contains("Cell 1 holds the control character U+0000", rejected);
        Assert.Contains("Cell 1 holds the control character U+0007", rejected);
    }

    [Fact]
    public async Task Csv_rows_of_more_cells_or_longer_cells_than_a_row_may_hold_are_rejected_with_the_reason()
    {
        var (job, rejected) = await ImportAsync(ImportFiles.Csv(
        [
            ImportFiles.Header, ImportFiles.WorkerRow("车间"), ImportFiles.WorkerRow("车间") + new string(',', 20_000),
            ImportFiles.WorkerRow("车间", name: new string('张', 40_000)),
        ]));

        Assert.Equal((1, 2), (job.Int("created"), job.Int("rowsRejected")));
        Assert.Contains("The row has more than 16,384 cells.", rejected);
        Assert.Contains("A cell is longer than 32,767 characters.", rejected);
    }

    [Fact]
    public async Task A_file_name_holding_a_control_character_is_refused_naming_it()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.UploadAsync(ImportFiles.Csv([ImportFiles.Header]), "fileName=workers%00.csv");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(["fileName"], problem.Errors!.Keys);
        Assert.Empty((await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_workbook_of_two_million_shared_strings_is_refused_with_413_before_it_is_read()
    {
        var workbook = ImportFiles.XlsxOf(
            sheet => sheet.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>"""),
            strings =>
            {
                strings.Write("<si><t>姓名</t></si><si><t>工号</t></si><si><t>身份证号</t></si><si><t>部门</t></si>");
                for (var i = 0; i < 2_000_000; i++)
                {
                    strings.Write($"<si><t>{i:x}</t></si>");
                }
            });

        var problem = await RefusedAsync(workbook, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        Assert.Contains("more than 1,000,000 different texts", problem.Detail);
    }

    [Fact]
    public async Task A_workbook_whose_sheet_inflates_more_than_a_hundredfold_is_refused_with_413()
    {
        var workbook = ImportFiles.XlsxOf(sheet =>
        {
            for (var i = 0; i < 400_000; i++)
            {
                sheet.Write("""<row><c t="inlineStr"><is><t>张三</t></is></c></row>""");
            }
        });

        var problem = await RefusedAsync(workbook, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        Assert.Contains("xl/worksheets/sheet1.xml", problem.Detail);
        Assert.Contains("more than 100 times its compressed size", problem.Detail);
    }

    [Fact]
    public async Task A_workbook_with_a_cell_longer_than_excel_allows_is_refused_with_413()
    {
        var workbook = ImportFiles.XlsxOf(sheet => sheet.Write($"""<row r="1"><c r="A1" t="inlineStr"><is><t>{new string('张', 40_000)}</t></is></c></row>"""));

        var problem = await RefusedAsync(workbook, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        Assert.Contains("more than 32,767 characters", problem.Detail);
    }

    [Fact]
    public async Task A_workbook_with_a_cell_past_the_last_column_is_refused_with_422()
    {
        var workbook = ImportFiles.XlsxOf(sheet => sheet.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="XFE1"><v>1</v></c></row>"""));

        var problem = await RefusedAsync(workbook, HttpStatusCode.UnprocessableEntity, "import_unreadable");

        Assert.Contains("past Excel's last column", problem.Detail);
    }

    [Fact]
    public async Task A_workbook_listing_more_parts_than_a_workbook_has_is_refused_with_413()
    {
        var workbook = ImportFiles.XlsxOf(sheet => sheet.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>"""), extraParts: 30_000);

        var problem = await RefusedAsync(workbook, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        Assert.Contains("more parts than a workbook has", problem.Detail);
    }

    /// <summary>Imports the file into a new enterprise with a unit 车间: the finished job and its rejected rows as CSV.</summary>
    private async Task<(JsonNode Job, string Rejected)> ImportAsync(byte[] file)
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");
        var job = await enterprise.Client.ImportAsync(file);
        return (job, await enterprise.Client.RejectedCsvAsync(job));
    }

    /// <summary>Uploads the file, expects its refusal, and that its job failed saying the same and staged nothing.</summary>
    private async Task<Problem> RefusedAsync(byte[] file, HttpStatusCode status, string code)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var problem = await (await enterprise.Client.UploadAsync(file)).ExpectProblemAsync(status, code);
        var job = (await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync())["items"]!.AsArray().Single()!;
        Assert.Equal("failed", job.Str("phase"));
        Assert.Equal(problem.Detail, job.Str("error"));
        Assert.Equal(0, job.Int("rowsRead"));
        return problem;
    }
}
