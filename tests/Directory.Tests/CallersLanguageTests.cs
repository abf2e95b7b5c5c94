using Npgsql;
using Workforce.Directory.Tests.Imports;

namespace Workforce.Directory.Tests;

/// <summary>
/// Directory answers in the caller's language: Chinese to Accept-Language: zh-CN, English to a caller that does not
/// ask. An import's reasons (its rejected rows', a failed job's) are said in the language of whoever started it, also
/// where they are made in the background, and whoever reads them later.
/// </summary>
public sealed class CallersLanguageTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Workers = "/api/v1/directory/workers";

    /// <summary>A worker without unit or employee number, with a wrong check digit and an over-long name.</summary>
    private static Dictionary<string, object?> InvalidWorker(TestEnterprise enterprise)
    {
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body.Remove("unitId");
        body.Remove("employeeNumber");
        body["residentId"] = "110105194912310021";
        body["name"] = new string('张', 51);
        return body;
    }

    [Fact]
    public async Task A_worker_refused_for_its_fields_is_told_what_to_correct_in_Chinese_naming_the_fields_in_Chinese()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = InvalidWorker(enterprise);

        var response = await enterprise.Client.InChinese().PostAsync(Workers, body);

        var problem = await response.ExpectInvalidFieldsAsync("unitId", "employeeNumber", "residentId", "name");
        Assert.Equal("有字段填写不正确。", problem.Title);
        Assert.Equal("请按各字段的说明改正。", problem.Detail);
        Assert.Equal(["'所在部门' 不能为空。"], problem.Errors!["unitId"]);
        Assert.Equal(["'姓名' 必须小于或等于50个字符。您输入了51个字符。"], problem.Errors["name"]);
        Assert.Equal(["请填写工号。"], problem.Errors["employeeNumber"]);
        Assert.Equal(["此身份证号的校验码不对，请检查是否输错。"], problem.Errors["residentId"]);
    }

    [Fact]
    public async Task A_worker_refused_for_its_fields_is_told_in_English_without_Accept_Language()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = InvalidWorker(enterprise);

        var response = await enterprise.Client.PostAsync(Workers, body);

        var problem = await response.ExpectInvalidFieldsAsync("unitId", "employeeNumber", "residentId", "name");
        Assert.Equal("The request has invalid fields.", problem.Title);
        Assert.Equal("See errors for what to correct in each field.", problem.Detail);
        Assert.Equal(["'Unit Id' must not be empty."], problem.Errors!["unitId"]);
        Assert.Equal(["The length of 'Name' must be 50 characters or fewer. You entered 51 characters."], problem.Errors["name"]);
        Assert.Equal(["Give the employee number."], problem.Errors["employeeNumber"]);
        Assert.Equal(["The check digit of this resident ID number is wrong; check it for a typing error."], problem.Errors["residentId"]);
    }

    [Fact]
    public async Task A_refusal_says_its_title_and_detail_in_the_callers_language()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("总装车间");
        await enterprise.RegisterWorkerAsync(unit.Id());
        var deactivate = $"/api/v1/directory/organisations/{unit.Id()}/deactivate";

        var chinese = await (await enterprise.Client.InChinese().PostAsync(deactivate, ifMatch: "\"1\""))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_not_empty");
        var english = await (await enterprise.Client.PostAsync(deactivate, ifMatch: "\"1\""))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_not_empty");

        Assert.Equal("该组织下仍有在用的组织或在职职工。", chinese.Title);
        Assert.Equal("“总装车间”下仍有 0 个在用组织和 1 名在职职工，请先将其移走或停用。", chinese.Detail);
        Assert.Equal("The organisation still has active organisations or workers under it.", english.Title);
        Assert.Equal("'总装车间' still has 0 active organisation(s) and 1 active worker(s) under it; move or deactivate them first.", english.Detail);
    }

    [Fact]
    public async Task A_conflict_with_the_register_names_its_field_in_the_callers_language()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var first = await enterprise.RegisterWorkerAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["employeeNumber"] = first.Str("employeeNumber");

        var chinese = await (await enterprise.Client.InChinese().PostAsync(Workers, body)).ExpectProblemAsync(HttpStatusCode.Conflict, "employee_number_taken");
        var english = await (await enterprise.Client.PostAsync(Workers, body)).ExpectProblemAsync(HttpStatusCode.Conflict, "employee_number_taken");

        Assert.Equal(("工号已被占用。", "本企业已有其他职工使用此工号。"), (chinese.Title, chinese.Detail));
        Assert.Equal(["此工号在本企业已被使用。"], chinese.Errors!["employeeNumber"]);
        Assert.Equal(("The employee number is already used.", "Another worker of this enterprise has this employee number."), (english.Title, english.Detail));
        Assert.Equal(["This employee number is already used in this enterprise."], english.Errors!["employeeNumber"]);
    }

    /// <summary>
    /// Rows rejected while the file is read (by the rules of registering a worker, and finding its unit) and while the
    /// job checks the rows against each other in the background (the second D001).
    /// </summary>
    private static byte[] FileWithRejectedRows() => ImportFiles.Csv(
    [
        ImportFiles.Header,
        ImportFiles.WorkerRow("总装车间", employeeNumber: "D001"),
        ImportFiles.WorkerRow("总装车间", employeeNumber: "D001"),
        ImportFiles.WorkerRow("总装车间", residentId: "110105194912310021"),
        ImportFiles.WorkerRow("没有这个部门"),
        ImportFiles.WorkerRow(""),
    ]);

    /// <summary>Each rejected row of the file as its number, what became of it and its reasons: the first cell of its line and the two before its (empty) warnings.</summary>
    private static IEnumerable<string> ReasonsByRow(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
        .Select(line =>
        {
            Assert.EndsWith(",", line);
            var cells = line[..^1].Split(',');
            return $"{cells[0]} {cells[^2]} {cells[^1]}";
        });

    [Fact]
    public async Task An_import_started_in_Chinese_gives_its_rejected_rows_Chinese_reasons_whoever_downloads_them()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.InChinese().ImportAsync(FileWithRejectedRows());

        Assert.Equal([1, 4], new[] { "created", "rowsRejected" }.Select(job.Int));
        var csv = await enterprise.Client.RejectedCsvAsync(job);
        Assert.StartsWith("行号,姓名,工号,身份证号,手机,部门,岗位,技能等级,工会会员,入会日期,党员,入职日期,外部编号,性别,出生日期,结果,原因,提醒\r\n", csv);
        Assert.Equal(
            ["3 未导入 工号：与文件第 2 行的工号相同。", "4 未导入 身份证号：此身份证号的校验码不对，请检查是否输错。", "5 未导入 部门：本企业没有叫“没有这个部门”的在用部门。",
             "6 未导入 部门：'所在部门' 不能为空。"],
            ReasonsByRow(csv));
    }

    [Fact]
    public async Task An_import_started_without_Accept_Language_gives_its_rejected_rows_English_reasons()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.ImportAsync(FileWithRejectedRows());

        var csv = await enterprise.Client.InChinese().RejectedCsvAsync(job);
        Assert.Equal(
            [
                "3 not imported employeeNumber: Row 2 of the file has this employee number too.",
                "4 not imported residentId: The check digit of this resident ID number is wrong; check it for a typing error.",
                "5 not imported unit: There is no active unit '没有这个部门' in this enterprise.",
                "6 not imported unitId: 'Unit Id' must not be empty.",
            ],
            ReasonsByRow(csv));
    }

    [Fact]
    public async Task A_units_import_started_in_Chinese_rejects_rows_in_Chinese_while_reading_and_in_the_background()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var job = await enterprise.Client.InChinese().ImportAsync(ImportFiles.Csv(["名称,上级,类型", "孤儿,没有的部门,部门", "总装车间,,班组班组"]), kind: "units");

        var rejected = await enterprise.Client.RejectedCsvAsync(job);
        Assert.Contains("2,孤儿,没有的部门,部门,,未导入,上级：企业中和文件前面的行里都没有部门“没有的部门”。,", rejected);
        Assert.Contains("3,总装车间,,班组班组,,未导入,类型：请填写“部门”（或车间、科室）或“班组”。,", rejected);
    }

    [Fact]
    public async Task A_file_refused_in_Chinese_fails_its_job_with_the_Chinese_reason()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.InChinese().UploadAsync(ImportFiles.Csv(["姓名,岗位", "张三,钳工"]));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "import_columns_missing");
        Assert.Equal("文件缺少必需的列。", problem.Title);
        Assert.Equal("请在表头中加上这些列：工号、身份证号、部门。", problem.Detail);
        var jobs = await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync();
        Assert.Equal(problem.Detail, jobs["items"]![0]!.Str("error"));
    }

    [Fact]
    public async Task An_upload_left_unfinished_by_a_Chinese_caller_is_failed_in_the_background_in_Chinese()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var orphan = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO directory.import_jobs (tenant_id, id, kind, mode, dry_run, phase, created_by_kind, created_by_name, language)
                VALUES ($1, $2, 'workers', 'allOrNothing', false, 'reading', 'user', 'an instance since killed', 'zh-CN')
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = enterprise.Id });
            insert.Parameters.Add(new NpgsqlParameter { Value = orphan });
            await insert.ExecuteNonQueryAsync();
        }

        var failed = await enterprise.Client.FinishedAsync(orphan);

        Assert.Equal("failed", failed.Str("phase"));
        Assert.Equal("文件还没读完，上传就中断了（连接或服务器断开），本次导入没有生效。请重新上传文件。", failed.Str("error"));
    }
}
