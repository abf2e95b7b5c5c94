using System.Text;

namespace Workforce.Directory.Tests.Imports;

public sealed class ImportWorkersTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_valid_file_is_merged_and_its_workers_registered_with_events_and_audit()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var residentId = TestIdentity.NewResidentId();

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
            [ImportFiles.Header, ImportFiles.WorkerRow("总装车间", "张三", "A001", residentId), ImportFiles.WorkerRow("总装车间", "李四", "A002")]), "mode=allOrNothing");

        Assert.Equal("completed", job.Str("phase"));
        Assert.Equal([2, 2, 0, 2, 0, 0, 100], new[] { "rowsRead", "rowsValid", "rowsRejected", "created", "updated", "unchanged", "percent" }.Select(job.Int));
        Assert.Equal("utf-8", job.Str("encoding"));
        Assert.Null(job["rejectedRowsUrl"]);
        var workers = await (await enterprise.Client.GetAsync("/api/v1/directory/workers?q=张三")).ExpectJsonAsync();
        var worker = workers["items"]![0]!;
        Assert.Equal("总装车间", worker.Str("unitName"));
        Assert.Equal("advanced", worker.Str("skillGrade"));
        var full = await (await enterprise.Client.GetAsync($"/api/v1/directory/workers/{worker.Id()}")).ExpectJsonAsync();
        Assert.Equal(residentId, full.Str("residentId"));
        var events = await (await enterprise.Client.GetAsync("/api/v1/events?types=directory.worker.registered")).ExpectJsonAsync();
        var registered = events["items"]!.AsArray().Single(e => e!["entityId"]!.GetValue<Guid>() == worker.Id())!;
        Assert.Equal("A001", registered["data"]!.Str("employeeNumber"));
        Assert.Equal(1, registered["data"]!.Int("version"));
        var trail = await (await enterprise.Client.GetAsync($"/api/v1/access/audit?entityId={worker.Id()}")).ExpectJsonAsync();
        var entry = trail["items"]!.AsArray().Single()!;
        Assert.Equal("RunImport", entry.Str("operation"));
        Assert.Equal("user", entry.Str("actorType"));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("gb18030")]
    public async Task Utf8_with_a_bom_and_gbk_files_are_read_in_their_encoding(string encoding)
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("机加工车间");
        var lines = new[] { ImportFiles.Header, ImportFiles.WorkerRow("机加工车间", "欧阳锋") };

        var job = await enterprise.Client.ImportAsync(encoding == "gb18030"
            ? ImportFiles.Csv(lines, ImportFiles.Gb18030)
            : ImportFiles.Csv(lines, bom: true));

        Assert.Equal(encoding, job.Str("encoding"));
        Assert.Equal(1, job.Int("created"));
        var found = await (await enterprise.Client.GetAsync("/api/v1/directory/workers?q=欧阳锋&total=true")).ExpectJsonAsync();
        Assert.Equal(1, found.Int("total"));
    }

    [Fact]
    public async Task English_headers_tab_separators_and_other_date_and_grade_spellings_are_understood()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("Assembly");
        var file = ImportFiles.Csv(
        [
            "Name\tEmployee Number\tresident_id\tDepartment\tSkill grade\tHire date\tUnion member",
            $"Wang Wu\tB001\t{TestIdentity.NewResidentId()}\tAssembly\tseniorTechnician\t2012/3/5\t是",
        ]);

        var job = await enterprise.Client.ImportAsync(file);

        Assert.Equal(1, job.Int("created"));
        var worker = (await (await enterprise.Client.GetAsync("/api/v1/directory/workers?q=B001")).ExpectJsonAsync())["items"]![0]!;
        Assert.Equal("seniorTechnician", worker.Str("skillGrade"));
        Assert.Equal("2012-03-05", worker.Str("hiredOn"));
        Assert.True(worker["unionMember"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_xlsx_workbook_is_read_like_a_csv_file()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("质量部");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Xlsx(
        [
            ["姓名", "工号", "身份证号", "部门"],
            ["赵六", "X001", TestIdentity.NewResidentId(), "质量部"],
        ]));

        Assert.Equal("xlsx", job.Str("fileFormat"));
        Assert.Equal(1, job.Int("created"));
    }

    [Fact]
    public async Task Importing_again_updates_what_changed_and_counts_what_did_not()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("一车间");
        await enterprise.AddUnitAsync("二车间");
        var (first, second) = (TestIdentity.NewResidentId(), TestIdentity.NewResidentId());
        string Row(string unit, string name, string number, string residentId) => $"{name},{number},{residentId},13900000000,{unit},装配工,高级工,2010-07-01";
        await enterprise.Client.ImportAsync(ImportFiles.Csv(
            [ImportFiles.Header, Row("一车间", "甲", "C001", first), Row("一车间", "乙", "C002", second)]));

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
            [ImportFiles.Header, Row("二车间", "甲", "C001", first), Row("一车间", "乙", "C002", second)]));

        Assert.Equal([0, 1, 1], new[] { "created", "updated", "unchanged" }.Select(job.Int));
        var moved = (await (await enterprise.Client.GetAsync("/api/v1/directory/workers?q=C001")).ExpectJsonAsync())["items"]![0]!;
        Assert.Equal("二车间", moved.Str("unitName"));
        Assert.Equal(2, moved.Int("version"));
    }

    [Fact]
    public async Task Skip_invalid_merges_the_valid_rows_and_reports_the_rest_with_reasons_and_masked_values()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var badId = "110105194912310021";

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
        [
            ImportFiles.Header,
            ImportFiles.WorkerRow("总装车间", "好的"),
            ImportFiles.WorkerRow("总装车间", "坏的", residentId: badId),
            ImportFiles.WorkerRow("没有这个部门", "迷路的"),
            ImportFiles.WorkerRow("总装车间", "=cmd|' /C calc'!A0", employeeNumber: "not a number"),
            ImportFiles.WorkerRow("总装车间", "@张三"),
        ]));

        Assert.Equal([5, 1, 4, 1], new[] { "rowsRead", "rowsValid", "rowsRejected", "created" }.Select(job.Int));
        var csv = await enterprise.Client.RejectedCsvAsync(job);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("行号,姓名,工号,身份证号", lines[0]);
        Assert.Equal(["3", "4", "5", "6"], lines.Skip(1).Select(line => line.Split(',')[0]));
        Assert.Contains("check digit", lines[1]);
        Assert.Contains("110***********0021", lines[1]);
        Assert.DoesNotContain(badId, csv);
        Assert.Contains("没有这个部门", lines[2]);
        Assert.Contains("'=cmd", lines[3]);
        Assert.DoesNotContain(",=cmd", csv);
        Assert.Contains("'@张三", lines[4]);
        Assert.Contains("formula", lines[4]);
    }

    [Fact]
    public async Task All_or_nothing_merges_nothing_when_a_single_row_is_rejected()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
            [ImportFiles.Header, ImportFiles.WorkerRow("总装车间"), ImportFiles.WorkerRow("总装车间", residentId: "123")]), "mode=allOrNothing");

        Assert.Equal("completed", job.Str("phase"));
        Assert.Equal([1, 1, 0], new[] { "rowsValid", "rowsRejected", "created" }.Select(job.Int));
        Assert.Equal(0, await enterprise.WorkerCountAsync());
    }

    [Fact]
    public async Task A_dry_run_says_what_would_happen_and_changes_nothing()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
            [ImportFiles.Header, ImportFiles.WorkerRow("总装车间"), ImportFiles.WorkerRow("总装车间")]), "dryRun=true");

        Assert.True(job["dryRun"]!.GetValue<bool>());
        Assert.Equal(2, job.Int("created"));
        Assert.Equal(0, await enterprise.WorkerCountAsync());
    }

    [Fact]
    public async Task An_import_of_a_thousand_workers_refreshes_the_planners_statistics_at_once()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var before = new Npgsql.NpgsqlCommand("SELECT now()", connection);
        var started = (DateTime)(await before.ExecuteScalarAsync())!;

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(Enumerable.Range(0, 1_000).Select(_ => ImportFiles.WorkerRow("总装车间")).Prepend(ImportFiles.Header)));

        Assert.Equal(1_000, job.Int("created"));
        // last_analyze is an explicit ANALYZE; autovacuum's own is last_autoanalyze.
        await using var analyzed = new Npgsql.NpgsqlCommand("SELECT last_analyze FROM pg_stat_user_tables WHERE relid = 'directory.workers'::regclass", connection);
        Assert.True(await analyzed.ExecuteScalarAsync() is DateTime at && at >= started, "directory.workers was not analyzed after the import");
    }

    [Theory]
    [InlineData("dryRun=true")]
    [InlineData("mode=allOrNothing")]
    [InlineData("mode=skipInvalid")]
    public async Task A_finished_job_keeps_only_its_rejected_rows_and_none_of_their_protected_values(string query)
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var twice = ImportFiles.WorkerRow("总装车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv([ImportFiles.Header, twice, ImportFiles.WorkerRow("总装车间"), twice]), query);

        Assert.Equal([2, 1], new[] { "rowsValid", "rowsRejected" }.Select(job.Int));
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var staged = new Npgsql.NpgsqlCommand(
            """
            SELECT count(*), count(*) FILTER (WHERE errors IS NOT NULL),
                   count(*) FILTER (WHERE num_nonnulls(resident_id_cipher, resident_id_hash, phone_cipher, phone_hash) > 0)
            FROM directory.import_rows WHERE job_id = $1
            """, connection);
        staged.Parameters.Add(new Npgsql.NpgsqlParameter { Value = job.Id() });
        await using var counts = await staged.ExecuteReaderAsync();
        await counts.ReadAsync();
        Assert.Equal((1L, 1L, 0L), (counts.GetInt64(0), counts.GetInt64(1), counts.GetInt64(2)));
        var rejected = await (await enterprise.Client.GetAsync(job.Str("rejectedRowsUrl"))).Content.ReadAsStringAsync();
        Assert.Contains("Row 2 of the file is the same person", rejected);
    }

    [Fact]
    public async Task Rows_that_clash_with_each_other_or_with_the_register_are_rejected_naming_the_other()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var someone = await enterprise.RegisterWorkerAsync();
        var person = TestIdentity.NewResidentId();

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
        [
            ImportFiles.Header,
            ImportFiles.WorkerRow("总装车间", employeeNumber: "D001"),
            ImportFiles.WorkerRow("总装车间", employeeNumber: "D001"),
            ImportFiles.WorkerRow("总装车间", residentId: person),
            ImportFiles.WorkerRow("总装车间", residentId: person),
            ImportFiles.WorkerRow("总装车间", residentId: someone.Str("residentId")),
        ]));

        Assert.Equal([2, 3], new[] { "created", "rowsRejected" }.Select(job.Int));
        var csv = await enterprise.Client.RejectedCsvAsync(job);
        Assert.Contains("Row 2 of the file has this employee number too", csv);
        Assert.Contains("Row 4 of the file is the same person", csv);
        Assert.Contains("registered as another worker", csv);
    }

    [Fact]
    public async Task Units_are_found_by_path_and_an_ambiguous_name_asks_for_the_path()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var first = await enterprise.AddUnitAsync("一车间");
        var second = await enterprise.AddUnitAsync("二车间");
        await enterprise.AddUnitAsync("一班", first.Id(), "team");
        var team = await enterprise.AddUnitAsync("一班", second.Id(), "team");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
            [ImportFiles.Header, ImportFiles.WorkerRow("二车间/一班", "有路径"), ImportFiles.WorkerRow("一班", "没路径")]));

        Assert.Equal([1, 1], new[] { "created", "rowsRejected" }.Select(job.Int));
        var placed = (await (await enterprise.Client.GetAsync("/api/v1/directory/workers?q=有路径")).ExpectJsonAsync())["items"]![0]!;
        Assert.Equal(team.Id(), placed["unitId"]!.GetValue<Guid>());
        Assert.Contains("write its path", await enterprise.Client.RejectedCsvAsync(job));
    }

    [Fact]
    public async Task Ragged_rows_stray_quotes_and_undecodable_bytes_are_reported_per_row()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var good = Encoding.UTF8.GetBytes(string.Join("\r\n", ImportFiles.Header, ImportFiles.WorkerRow("总装车间"), "只有姓名,E001", $"带\"引号,E002,{TestIdentity.NewResidentId()},,总装车间,,,") + "\r\n");
        // Bytes that are no UTF-8, past the part of the file that decided its encoding.
        var filler = Enumerable.Range(0, 800).Select(_ => ImportFiles.WorkerRow("总装车间")).ToList();
        var file = good.Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", filler) + "\r\n")).Concat(new byte[] { 0xFF, 0xFE, (byte)',', (byte)'E', (byte)'9', (byte)'\r', (byte)'\n' }).ToArray();

        var job = await enterprise.Client.ImportAsync(file);

        Assert.Equal(3, job.Int("rowsRejected"));
        var csv = await enterprise.Client.RejectedCsvAsync(job);
        Assert.Contains("cells where the header has 8", csv);
        Assert.Contains("stray quote", csv);
        Assert.Contains("unknown encoding", csv);
    }

    [Fact]
    public async Task A_ten_megabyte_cell_rejects_its_row_and_nothing_else()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
            [ImportFiles.Header, ImportFiles.WorkerRow("总装车间", new string('长', 10 * 1024 * 1024 / 3)), ImportFiles.WorkerRow("总装车间")]));

        Assert.Equal([1, 1], new[] { "created", "rowsRejected" }.Select(job.Int));
    }

    [Theory]
    [InlineData("")]
    [InlineData("姓名,工号,身份证号,部门\r\n")]
    public async Task An_empty_file_or_one_with_only_a_header_is_refused(string content)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.UploadAsync(Encoding.UTF8.GetBytes(content));

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "import_empty");
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_naming_them()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.UploadAsync(ImportFiles.Csv(["姓名,岗位", "张三,钳工"]));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "import_columns_missing");
        Assert.Contains("工号", problem.Detail);
        Assert.Contains("身份证号", problem.Detail);
        Assert.Contains("部门", problem.Detail);
        var jobs = await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync();
        Assert.Equal("failed", jobs["items"]![0]!.Str("phase"));
    }

    [Fact]
    public async Task Another_enterprises_import_is_not_found()
    {
        var mine = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();
        var unit = await theirs.AddUnitAsync("车间");
        var job = await theirs.Client.ImportAsync(ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow(unit.Id().ToString()), "坏,行"]));

        await (await mine.Client.GetAsync($"/api/v1/directory/imports/{job.Id()}")).ExpectProblemAsync(HttpStatusCode.NotFound, "import_not_found");
        await (await mine.Client.GetAsync($"/api/v1/directory/imports/{job.Id()}/rejected")).ExpectProblemAsync(HttpStatusCode.NotFound, "import_not_found");
    }
}
