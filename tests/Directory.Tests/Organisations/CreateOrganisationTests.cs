namespace Workforce.Directory.Tests.Organisations;

public sealed class CreateOrganisationTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Url = "/api/v1/directory/organisations";

    [Fact]
    public async Task The_tree_is_built_from_region_to_team_with_paths_from_the_root()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("机加工车间");
        var response = await enterprise.Client.PostAsync(Url, new { parentId = unit.Id(), kind = "team", name = "数控班" });

        var team = await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Url}/{team.Id()}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal("team", team.Str("kind"));
        Assert.Equal(4, team["depth"]!.GetValue<int>());
        Assert.Equal(
            [Scenario.Platform, enterprise.RegionId, enterprise.Id, unit.Id(), team.Id()],
            team["path"]!.AsArray().Select(id => id!.GetValue<Guid>()));
        Assert.Null(team["timeZone"]);
    }

    [Fact]
    public async Task An_enterprise_gets_the_default_time_zone_unless_one_is_given()
    {
        var region = await api.NewRegionAsync();
        var client = region.Client;

        var plain = await client.CreateAsync(Url, new { parentId = region.Id, kind = "enterprise", name = TestIdentity.NewName() });
        var western = await client.CreateAsync(Url, new { parentId = region.Id, kind = "enterprise", name = TestIdentity.NewName(), timeZone = "Asia/Urumqi" });

        Assert.Equal("Asia/Shanghai", plain.Str("timeZone"));
        Assert.Equal("Asia/Urumqi", western.Str("timeZone"));
    }

    [Fact]
    public async Task Missing_fields_are_named_in_the_problem()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url, new { });

        await response.ExpectInvalidFieldsAsync("parentId", "kind", "name");
    }

    [Fact]
    public async Task An_over_long_name_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url, new { parentId = enterprise.Id, kind = "unit", name = new string('车', 101) });

        await response.ExpectInvalidFieldsAsync("name");
    }

    [Fact]
    public async Task A_second_platform_is_refused()
    {
        var response = await (await api.AdminAsync()).PostAsync(Url, new { parentId = Scenario.Platform, kind = "platform", name = "另一个平台" });

        await response.ExpectInvalidFieldsAsync("kind");
    }

    [Fact]
    public async Task A_team_cannot_be_placed_directly_under_a_region()
    {
        var region = await api.NewRegionAsync();

        var response = await region.Client.PostAsync(Url, new { parentId = region.Id, kind = "team", name = "班组" });

        var problem = await response.ExpectInvalidFieldsAsync("kind");
        Assert.Contains("enterprise or a unit", problem.Errors!["kind"][0]);
    }

    [Fact]
    public async Task An_unknown_parent_is_an_unknown_reference()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url, new { parentId = Guid.NewGuid(), kind = "unit", name = "质量部" });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        Assert.Equal(["parentId"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task Another_enterprise_is_not_a_parent_one_can_see()
    {
        var mine = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();

        var response = await mine.Client.PostAsync(Url, new { parentId = theirs.Id, kind = "unit", name = "质量部" });

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
    }

    [Fact]
    public async Task A_region_cannot_create_units_inside_its_enterprises()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Region.Client.PostAsync(Url, new { parentId = enterprise.Id, kind = "unit", name = "质量部" });

        await response.ExpectInvalidFieldsAsync("parentId");
    }

    [Fact]
    public async Task A_sibling_with_the_same_name_is_a_conflict_and_nothing_is_written()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("人力资源部");

        var response = await enterprise.Client.PostAsync(Url, new { parentId = enterprise.Id, kind = "unit", name = " 人力资源部 " });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_name_taken");
        Assert.Equal(["name"], problem.Errors!.Keys);
        var units = await (await enterprise.Client.GetAsync($"{Url}?parentId={enterprise.Id}&total=true")).ExpectJsonAsync();
        Assert.Equal(1, units["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_same_name_under_different_parents_is_fine()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var first = await enterprise.AddUnitAsync();
        var second = await enterprise.AddUnitAsync();

        await enterprise.AddUnitAsync("一班", first.Id(), "team");
        await enterprise.AddUnitAsync("一班", second.Id(), "team");
    }

    [Fact]
    public async Task An_invalid_time_zone_is_refused()
    {
        var region = await api.NewRegionAsync();

        var response = await region.Client.PostAsync(Url, new { parentId = region.Id, kind = "enterprise", name = "甲", timeZone = "Mars/Olympus" });

        await response.ExpectInvalidFieldsAsync("timeZone");
    }

    [Fact]
    public async Task A_unit_cannot_have_its_own_time_zone()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url, new { parentId = enterprise.Id, kind = "unit", name = "甲", timeZone = "Asia/Shanghai" });

        await response.ExpectInvalidFieldsAsync("timeZone");
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostRawAsync(Url, "{\"parentId\": ");

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_field()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostRawAsync(Url, $$"""{"parentId": "{{enterprise.Id}}", "kind": 5, "name": "甲"}""");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["kind"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused()
    {
        var response = await api.Anonymous().PostAsync(Url, new { parentId = Scenario.Platform, kind = "region", name = "甲" });

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
