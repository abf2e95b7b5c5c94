namespace Workforce.Directory.Tests.Organisations;

public sealed class UpdateOrganisationTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string Url(Guid id) => $"/api/v1/directory/organisations/{id}";

    [Fact]
    public async Task Renaming_with_the_current_etag_bumps_the_version()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("旧名称");

        var response = await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "新名称", code = "QA-01" }, "\"1\"");

        var renamed = await response.ExpectJsonAsync();
        Assert.Equal("新名称", renamed.Str("name"));
        Assert.Equal("QA-01", renamed.Str("code"));
        Assert.Equal(2, renamed["version"]!.GetValue<int>());
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal("新名称", (await (await enterprise.Client.GetAsync(Url(unit.Id()))).ExpectJsonAsync()).Str("name"));
    }

    [Fact]
    public async Task An_enterprise_can_change_its_time_zone()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var current = await enterprise.Client.GetAsync(Url(enterprise.Id));

        var response = await enterprise.Client.PutAsync(Url(enterprise.Id), new { name = "新疆分公司", timeZone = "Asia/Urumqi" }, current.ETag());

        Assert.Equal("Asia/Urumqi", (await response.ExpectJsonAsync()).Str("timeZone"));
    }

    [Fact]
    public async Task Without_if_match_the_update_is_refused_as_precondition_required()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();

        var response = await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "新名称" });

        await response.ExpectProblemAsync((HttpStatusCode)428, "precondition_required");
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_the_record_kept()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("原名");
        await (await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "第一次" }, "\"1\"")).ExpectJsonAsync();

        var response = await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "第二次" }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        Assert.Equal("第一次", (await (await enterprise.Client.GetAsync(Url(unit.Id()))).ExpectJsonAsync()).Str("name"));
    }

    [Fact]
    public async Task An_etag_that_is_not_a_version_never_matches()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();

        var response = await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "新名称" }, "\"abc\"");

        await response.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task Taking_a_siblings_name_is_a_conflict()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("财务部");
        var unit = await enterprise.AddUnitAsync();

        var response = await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "财务部" }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_name_taken");
    }

    [Fact]
    public async Task A_blank_name_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();

        var response = await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "   " }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("name");
    }

    [Fact]
    public async Task A_unit_cannot_be_given_a_time_zone()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();

        var response = await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "甲", timeZone = "Asia/Shanghai" }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("timeZone");
    }

    [Fact]
    public async Task An_unknown_organisation_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PutAsync(Url(Guid.NewGuid()), new { name = "甲" }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "organisation_not_found");
    }

    [Fact]
    public async Task Renaming_stamps_the_server_s_clock()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("旧名称");
        var moment = new DateTimeOffset(2026, 1, 20, 10, 0, 0, TimeSpan.FromHours(8));

        using (api.Clock.At(moment))
        {
            var renamed = await (await enterprise.Client.PutAsync(Url(unit.Id()), new { name = "新名称" }, "\"1\"")).ExpectJsonAsync();

            Assert.Equal(moment, renamed["updatedAt"]!.GetValue<DateTimeOffset>());
        }
    }
}
