namespace Workforce.Directory.Tests.Organisations;

public sealed class ListOrganisationsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Url = "/api/v1/directory/organisations";

    [Fact]
    public async Task The_tree_is_listed_top_down_in_pinyin_order()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var zhuang = await enterprise.AddUnitAsync("装配车间");
        await enterprise.AddUnitAsync("安全部");
        await enterprise.AddUnitAsync("机加工车间");
        await enterprise.AddUnitAsync("一班", zhuang.Id(), "team");

        var page = await (await enterprise.Client.GetAsync(Url)).ExpectJsonAsync();

        Assert.Equal(["安全部", "机加工车间", "装配车间", "一班"], Names(page).Skip(1));
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var workshop = await enterprise.AddUnitAsync("总装车间");
        var team = await enterprise.AddUnitAsync("总装一班", workshop.Id(), "team");
        await enterprise.AddUnitAsync("质量部");
        await enterprise.AddUnitAsync("50%_特殊");

        Assert.Equal(new[] { "总装车间", "质量部", "50%_特殊" }.Order(), Names(await List(enterprise, $"?parentId={enterprise.Id}")).Order());
        Assert.Equal(["总装车间", "总装一班"], Names(await List(enterprise, $"?under={workshop.Id()}")));
        Assert.Equal(["总装一班"], Names(await List(enterprise, "?kind=team")));
        Assert.Equal(["总装车间", "总装一班"], Names(await List(enterprise, "?q=总装")));
        Assert.Equal(["50%_特殊"], Names(await List(enterprise, "?q=%25_")));
        Assert.Equal(team.Id(), (await List(enterprise, "?kind=TEAM"))["items"]![0]!.Id());
    }

    [Fact]
    public async Task Paging_walks_every_node_once_and_counts_them_when_asked()
    {
        var enterprise = await api.NewEnterpriseAsync();
        for (var i = 0; i < 7; i++)
        {
            await enterprise.AddUnitAsync($"部门{i}");
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await List(enterprise, $"?limit=3&total=true{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(8, page["total"]!.GetValue<int>());
            seen.AddRange(Names(page));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(8, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_total_is_left_out_unless_asked_for()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var page = await List(enterprise, "");

        Assert.Null(page["total"]);
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task A_region_lists_its_enterprises_but_none_of_their_units()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync();

        var page = await (await enterprise.Region.Client.GetAsync(Url)).ExpectJsonAsync();

        Assert.Equal(["region", "enterprise"], page["items"]!.AsArray().Select(o => o!.Str("kind")));
    }

    [Fact]
    public async Task One_enterprise_never_lists_another()
    {
        var mine = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();
        await theirs.AddUnitAsync("别人的部门");

        var page = await List(mine, "");

        Assert.Equal([mine.Id], page["items"]!.AsArray().Select(o => o!.Id()));
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    public async Task A_limit_outside_1_to_200_is_refused(string query)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync(Url + query);

        await response.ExpectInvalidFieldsAsync("limit");
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("eyJ4Ijox")]
    public async Task A_cursor_the_list_did_not_give_is_refused(string cursor)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"{Url}?cursor={cursor}");

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Fact]
    public async Task An_unknown_kind_is_a_bad_parameter_naming_the_allowed_ones()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"{Url}?kind=department");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Contains("region, enterprise, unit, team", problem.Detail);
    }

    private async Task<JsonNode> List(TestEnterprise enterprise, string query) =>
        await (await enterprise.Client.GetAsync(Url + query)).ExpectJsonAsync();

    private static IEnumerable<string> Names(JsonNode page) => page["items"]!.AsArray().Select(o => o!.Str("name"));
}
