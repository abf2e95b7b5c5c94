namespace Workforce.Directory.Tests.Organisations;

public sealed class MoveOrganisationTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string MoveUrl(Guid id) => $"/api/v1/directory/organisations/{id}/move";

    [Fact]
    public async Task A_unit_moves_with_its_subtree()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var production = await enterprise.AddUnitAsync("生产部");
        var workshop = await enterprise.AddUnitAsync("总装车间");
        var team = await enterprise.AddUnitAsync("总装一班", workshop.Id(), "team");

        var response = await enterprise.Client.PostAsync(MoveUrl(workshop.Id()), new { parentId = production.Id() }, "\"1\"");

        var moved = await response.ExpectJsonAsync();
        Assert.Equal(production.Id(), moved["parentId"]!.GetValue<Guid>());
        Assert.Equal("\"2\"", response.ETag());
        var movedTeam = await (await enterprise.Client.GetAsync($"/api/v1/directory/organisations/{team.Id()}")).ExpectJsonAsync();
        Assert.Equal(
            [Scenario.Platform, enterprise.RegionId, enterprise.Id, production.Id(), workshop.Id(), team.Id()],
            movedTeam["path"]!.AsArray().Select(id => id!.GetValue<Guid>()));
        var under = await (await enterprise.Client.GetAsync($"/api/v1/directory/organisations?under={production.Id()}&total=true")).ExpectJsonAsync();
        Assert.Equal(3, under["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_region_moves_an_enterprise_to_a_sub_region_and_its_units_follow()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var region = enterprise.Region.Client;
        var district = await region.CreateAsync("/api/v1/directory/organisations",
            new { parentId = enterprise.RegionId, kind = "region", name = "姑苏区" });

        await (await region.PostAsync(MoveUrl(enterprise.Id), new { parentId = district.Id() }, "\"1\"")).ExpectJsonAsync();

        var movedUnit = await (await enterprise.Client.GetAsync($"/api/v1/directory/organisations/{unit.Id()}")).ExpectJsonAsync();
        Assert.Equal(
            [Scenario.Platform, enterprise.RegionId, district.Id(), enterprise.Id, unit.Id()],
            movedUnit["path"]!.AsArray().Select(id => id!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Moving_a_unit_under_its_own_child_is_refused_as_a_cycle()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var workshop = await enterprise.AddUnitAsync("总装车间");
        var section = await enterprise.AddUnitAsync("一工段", workshop.Id());

        var response = await enterprise.Client.PostAsync(MoveUrl(workshop.Id()), new { parentId = section.Id() }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_cycle");
        var unchanged = await (await enterprise.Client.GetAsync($"/api/v1/directory/organisations/{workshop.Id()}")).ExpectJsonAsync();
        Assert.Equal(enterprise.Id, unchanged["parentId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Moving_a_unit_under_itself_is_refused_as_a_cycle()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();

        var response = await enterprise.Client.PostAsync(MoveUrl(unit.Id()), new { parentId = unit.Id() }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_cycle");
    }

    [Fact]
    public async Task A_unit_cannot_go_under_a_team()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var workshop = await enterprise.AddUnitAsync();
        var team = await enterprise.AddUnitAsync(parentId: workshop.Id(), kind: "team");
        var unit = await enterprise.AddUnitAsync();

        var response = await enterprise.Client.PostAsync(MoveUrl(unit.Id()), new { parentId = team.Id() }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("parentId");
    }

    [Fact]
    public async Task A_unit_cannot_move_into_another_enterprise()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var sibling = await enterprise.Region.Client.CreateAsync("/api/v1/directory/organisations",
            new { parentId = enterprise.RegionId, kind = "enterprise", name = TestIdentity.NewName() });

        var response = await enterprise.Client.PostAsync(MoveUrl(unit.Id()), new { parentId = sibling.Id() }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
    }

    [Fact]
    public async Task The_platform_cannot_move()
    {
        var region = await api.NewRegionAsync();

        var response = await (await api.AdminAsync()).PostAsync(MoveUrl(Scenario.Platform), new { parentId = region.Id }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_is_root");
    }

    [Fact]
    public async Task A_move_needs_if_match_and_the_current_version()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var target = await enterprise.AddUnitAsync();
        var unit = await enterprise.AddUnitAsync();

        await (await enterprise.Client.PostAsync(MoveUrl(unit.Id()), new { parentId = target.Id() })).ExpectProblemAsync((HttpStatusCode)428, "precondition_required");
        await (await enterprise.Client.PostAsync(MoveUrl(unit.Id()), new { parentId = target.Id() }, "\"7\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task A_move_without_a_parent_names_the_field()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();

        var response = await enterprise.Client.PostAsync(MoveUrl(unit.Id()), new { }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("parentId");
    }
}
