namespace Workforce.Directory.Tests.Workers;

public sealed class ListWorkersTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Url = "/api/v1/directory/workers";

    [Fact]
    public async Task Lists_mask_the_resident_id_and_phone_and_leave_out_sensitive_flags()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync(change: body => body["partyMember"] = true);

        var item = (await List(enterprise, ""))["items"]![0]!;

        var residentId = worker.Str("residentId");
        Assert.Equal(residentId[..3] + new string('*', 11) + residentId[^4..], item.Str("residentIdMasked"));
        Assert.Equal(worker.Str("phone")[..3] + "****" + worker.Str("phone")[^4..], item.Str("phoneMasked"));
        Assert.Null(item["residentId"]);
        Assert.Null(item["phone"]);
        Assert.Null(item["partyMember"]);
        Assert.DoesNotContain(residentId, item.ToJsonString());
    }

    [Fact]
    public async Task Names_are_in_pinyin_order_by_default_and_numbers_on_request()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.RegisterWorkerAsync(change: b => (b["name"], b["employeeNumber"]) = ("赵六", "A003"));
        await enterprise.RegisterWorkerAsync(change: b => (b["name"], b["employeeNumber"]) = ("阿明", "A002"));
        await enterprise.RegisterWorkerAsync(change: b => (b["name"], b["employeeNumber"]) = ("李四", "A001"));

        Assert.Equal(["阿明", "李四", "赵六"], Names(await List(enterprise, "")));
        Assert.Equal(["李四", "阿明", "赵六"], Names(await List(enterprise, "?sort=employeeNumber")));
    }

    [Fact]
    public async Task The_unit_filter_includes_sub_units()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var workshop = await enterprise.AddUnitAsync("总装车间");
        var team = await enterprise.AddUnitAsync("总装一班", workshop.Id(), "team");
        var office = await enterprise.AddUnitAsync("工会办公室");
        await enterprise.RegisterWorkerAsync(workshop.Id(), b => b["name"] = "车间主任");
        await enterprise.RegisterWorkerAsync(team.Id(), b => b["name"] = "班长");
        await enterprise.RegisterWorkerAsync(office.Id(), b => b["name"] = "干事");

        var page = await List(enterprise, $"?unitId={workshop.Id()}&total=true");

        Assert.Equal(["班长", "车间主任"], Names(page));
        Assert.Equal(2, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Skill_grade_status_and_text_filters_combine()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.RegisterWorkerAsync(change: b => (b["name"], b["skillGrade"], b["employeeNumber"]) = ("技师甲", "technician", "JS01"));
        await enterprise.RegisterWorkerAsync(change: b => (b["name"], b["skillGrade"], b["status"]) = ("技师乙", "technician", "onLeave"));
        await enterprise.RegisterWorkerAsync(change: b => (b["name"], b["skillGrade"]) = ("首席丙", "chiefTechnician"));
        await enterprise.RegisterWorkerAsync(change: b => (b["name"], b["skillGrade"]) = ("初级丁", "elementary"));

        Assert.Equal(["技师甲", "技师乙"], Names(await List(enterprise, "?skillGrade=technician")));
        Assert.Equal(["技师甲", "技师乙", "首席丙"], Names(await List(enterprise, "?skillGrade=technician&skillGrade=chiefTechnician")));
        Assert.Equal(["技师乙"], Names(await List(enterprise, "?status=onLeave")));
        Assert.Equal(["技师甲"], Names(await List(enterprise, "?skillGrade=technician&status=active")));
        Assert.Equal(["首席丙"], Names(await List(enterprise, "?q=首席")));
        Assert.Equal(["技师甲"], Names(await List(enterprise, "?q=js0")));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("employeeNumber")]
    public async Task Paging_walks_every_worker_once_in_either_order(string sort)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var names = new[] { "张伟", "王芳", "李娜", "刘强", "陈静", "张伟", "杨洋" };
        foreach (var name in names)
        {
            await enterprise.RegisterWorkerAsync(change: b => b["name"] = name);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await List(enterprise, $"?sort={sort}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page["items"]!.AsArray().Select(w => w!.Id()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(names.Length, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_cursor_from_another_sort_order_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.RegisterWorkerAsync();
        await enterprise.RegisterWorkerAsync();
        var cursor = (await List(enterprise, "?limit=1"))["nextCursor"]!.GetValue<string>();

        var response = await enterprise.Client.GetAsync($"{Url}?sort=employeeNumber&cursor={cursor}");

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Fact]
    public async Task Another_enterprises_workers_are_never_listed()
    {
        var mine = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();
        await theirs.RegisterWorkerAsync();

        var page = await List(mine, "?total=true");

        Assert.Empty(page["items"]!.AsArray());
        Assert.Equal(0, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_status_is_a_bad_parameter()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"{Url}?status=fired");

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    [Fact]
    public async Task An_over_long_search_text_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"{Url}?q={new string('张', 51)}");

        await response.ExpectInvalidFieldsAsync("q");
    }

    private async Task<JsonNode> List(TestEnterprise enterprise, string query) =>
        await (await enterprise.Client.GetAsync(Url + query)).ExpectJsonAsync();

    private static IEnumerable<string> Names(JsonNode page) => page["items"]!.AsArray().Select(w => w!.Str("name"));
}
