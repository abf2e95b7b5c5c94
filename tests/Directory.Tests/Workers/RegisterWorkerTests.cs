using Npgsql;

namespace Workforce.Directory.Tests.Workers;

public sealed class RegisterWorkerTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Url = "/api/v1/directory/workers";

    [Fact]
    public async Task Registering_a_valid_worker_returns_the_record_with_location_and_etag()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("总装车间");
        var body = TestEnterprise.WorkerBody(unit.Id());
        body["residentId"] = "11010519491231002x";
        body["phone"] = "+86 138-0013-8000";

        var response = await enterprise.Client.PostAsync(Url, body);

        var worker = await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Url}/{worker.Id()}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal("11010519491231002X", worker.Str("residentId"));
        Assert.Equal("13800138000", worker.Str("phone"));
        Assert.Equal("female", worker.Str("gender"));
        Assert.Equal("1949-12-31", worker.Str("birthDate"));
        Assert.Equal("总装车间", worker.Str("unitName"));
        Assert.Equal("advanced", worker.Str("skillGrade"));
        Assert.Equal("active", worker.Str("status"));
        Assert.Equal(body["employeeNumber"], worker.Str("employeeNumber"));
    }

    [Fact]
    public async Task Resident_id_and_phone_are_stored_encrypted_with_no_plain_text_in_the_row()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var residentId = TestIdentity.NewResidentId();
        var phone = TestIdentity.NewPhone();
        var worker = await enterprise.RegisterWorkerAsync(change: body =>
        {
            body["residentId"] = residentId;
            body["phone"] = phone;
        });

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT w::text, resident_id_masked, phone_masked FROM directory.workers w WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = worker.Id() });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = reader.GetString(0);
        Assert.DoesNotContain(residentId, row);
        Assert.DoesNotContain(phone, row);
        Assert.Equal(residentId[..3] + "***********" + residentId[^4..], reader.GetString(1));
        Assert.Equal(phone[..3] + "****" + phone[^4..], reader.GetString(2));
    }

    [Fact]
    public async Task Resident_id_and_phone_never_reach_the_logs()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var residentId = TestIdentity.NewResidentId();
        var phone = TestIdentity.NewPhone();
        var worker = await enterprise.RegisterWorkerAsync(change: body => (body["residentId"], body["phone"]) = (residentId, phone));
        var duplicate = TestEnterprise.WorkerBody(enterprise.Id);
        duplicate["residentId"] = residentId;
        var invalid = TestEnterprise.WorkerBody(enterprise.Id);
        invalid["residentId"] = residentId[..17] + (residentId[17] == '0' ? '1' : '0');

        await (await enterprise.Client.PostAsync(Url, duplicate)).ExpectProblemAsync(HttpStatusCode.Conflict, "resident_id_taken");
        await (await enterprise.Client.PostAsync(Url, invalid)).ExpectInvalidFieldsAsync("residentId");
        await (await enterprise.Client.GetAsync($"{Url}/{worker.Id()}")).ExpectJsonAsync();
        await (await enterprise.Client.GetAsync(Url)).ExpectJsonAsync();

        Assert.Contains(api.Logs.Entries, log => log.Message.Contains("RegisterWorker"));
        Assert.DoesNotContain(api.Logs.Entries, log => log.Text.Contains(residentId[..17]) || log.Text.Contains(phone));
    }

    [Fact]
    public async Task Missing_required_fields_are_each_named()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url, new { post = "钳工" });

        await response.ExpectInvalidFieldsAsync("name", "employeeNumber", "residentId", "unitId");
    }

    [Fact]
    public async Task Over_long_fields_are_each_named()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["name"] = new string('张', 51);
        body["employeeNumber"] = new string('9', 33);
        body["post"] = new string('工', 51);
        body["externalId"] = new string('x', 65);

        var response = await enterprise.Client.PostAsync(Url, body);

        await response.ExpectInvalidFieldsAsync("name", "employeeNumber", "post", "externalId");
    }

    [Theory]
    [InlineData("11010519491231002", "18 characters")]
    [InlineData("1101051949123100X2", "18 characters")]
    [InlineData("110105194912310021", "check digit")]
    [InlineData("110105194902300020", "birth date")]
    [InlineData("110105299901010028", "birth date")]
    [InlineData("010105194912310029", "region code")]
    public async Task A_bad_resident_id_is_refused_with_the_reason(string residentId, string reason)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["residentId"] = residentId;

        var response = await enterprise.Client.PostAsync(Url, body);

        var problem = await response.ExpectInvalidFieldsAsync("residentId");
        Assert.Contains(reason, problem.Errors!["residentId"][0]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"张三\")")]
    [InlineData("+86 张三")]
    [InlineData("-张三")]
    [InlineData(" @张三")]
    public async Task A_name_a_spreadsheet_would_take_for_a_formula_is_refused(string name)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["name"] = name;

        var response = await enterprise.Client.PostAsync(Url, body);

        var problem = await response.ExpectInvalidFieldsAsync("name");
        Assert.Contains("formula", problem.Errors!["name"][0]);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1380013800")]
    [InlineData("23800138000")]
    [InlineData("phone")]
    public async Task A_bad_phone_is_refused(string phone)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["phone"] = phone;

        var response = await enterprise.Client.PostAsync(Url, body);

        await response.ExpectInvalidFieldsAsync("phone");
    }

    [Fact]
    public async Task A_duplicate_employee_number_is_a_conflict_and_nothing_is_written()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var first = await enterprise.RegisterWorkerAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["employeeNumber"] = first.Str("employeeNumber");

        var response = await enterprise.Client.PostAsync(Url, body);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "employee_number_taken");
        Assert.Equal(["employeeNumber"], problem.Errors!.Keys);
        var list = await (await enterprise.Client.GetAsync($"{Url}?total=true")).ExpectJsonAsync();
        Assert.Equal(1, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_same_employee_number_may_be_used_in_another_enterprise()
    {
        var one = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var first = await one.RegisterWorkerAsync();

        await other.RegisterWorkerAsync(change: body => body["employeeNumber"] = first.Str("employeeNumber"));
    }

    [Fact]
    public async Task The_same_person_cannot_be_registered_twice_in_one_enterprise()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var residentId = TestIdentity.NewResidentId();
        await enterprise.RegisterWorkerAsync(change: body => body["residentId"] = residentId);
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["residentId"] = residentId.ToLowerInvariant();

        var response = await enterprise.Client.PostAsync(Url, body);

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "resident_id_taken");
    }

    [Fact]
    public async Task A_duplicate_external_id_is_a_conflict()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.RegisterWorkerAsync(change: body => body["externalId"] = "HR-1001");
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["externalId"] = "HR-1001";

        var response = await enterprise.Client.PostAsync(Url, body);

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "external_id_taken");
    }

    [Fact]
    public async Task An_unknown_unit_is_an_unknown_reference()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url, TestEnterprise.WorkerBody(Guid.NewGuid()));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        Assert.Equal(["unitId"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task Another_enterprises_unit_is_an_unknown_reference()
    {
        var mine = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();

        var response = await mine.Client.PostAsync(Url, TestEnterprise.WorkerBody(theirs.Id));

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostRawAsync(Url, "{\"name\": \"张三\",");

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
    }

    [Theory]
    [InlineData("unionMember", "\"yes\"")]
    [InlineData("hiredOn", "\"not a date\"")]
    [InlineData("skillGrade", "\"wizard\"")]
    [InlineData("unitId", "42")]
    [InlineData("name", "[\"张三\"]")]
    public async Task A_value_of_the_wrong_type_is_a_bad_request_naming_the_field(string field, string json)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostRawAsync(Url, $$"""{"employeeNumber": "A1", "{{field}}": {{json}}}""");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal([field], problem.Errors!.Keys);
    }

    [Fact]
    public async Task Leaving_cannot_be_registered_directly()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["status"] = "left";

        var response = await enterprise.Client.PostAsync(Url, body);

        await response.ExpectInvalidFieldsAsync("status");
    }

    [Fact]
    public async Task Only_a_union_member_has_a_joining_date()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["unionMember"] = false;

        var response = await enterprise.Client.PostAsync(Url, body);

        await response.ExpectInvalidFieldsAsync("unionJoinedOn");
    }

    [Fact]
    public async Task A_worker_cannot_be_hired_before_the_age_of_16()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["residentId"] = TestIdentity.ResidentId("320505", new DateOnly(2000, 6, 1), 123);
        body["hiredOn"] = "2016-05-31";

        var response = await enterprise.Client.PostAsync(Url, body);

        await response.ExpectInvalidFieldsAsync("hiredOn");
    }

    [Fact]
    public async Task Dates_in_the_future_are_judged_by_today_in_the_enterprise_s_zone()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var url = $"/api/v1/directory/organisations/{enterprise.Id}";
        var current = await enterprise.Client.GetAsync(url);
        var name = (await current.ExpectJsonAsync()).Str("name");
        await (await enterprise.Client.PutAsync(url, new { name, timeZone = "Pacific/Kiritimati" }, current.ETag())).ExpectJsonAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);

        // 12:00 UTC on 1 March is already 2 March at UTC+14, though not yet in Shanghai or at UTC.
        using (api.Clock.At(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)))
        {
            body["unionJoinedOn"] = "2026-03-03";
            await (await enterprise.Client.PostAsync("/api/v1/directory/workers", body)).ExpectInvalidFieldsAsync("unionJoinedOn");

            body["unionJoinedOn"] = "2026-03-02";
            await (await enterprise.Client.PostAsync("/api/v1/directory/workers", body)).ExpectJsonAsync(HttpStatusCode.Created);
        }
    }
}
