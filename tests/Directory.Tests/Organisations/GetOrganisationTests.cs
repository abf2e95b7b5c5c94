namespace Workforce.Directory.Tests.Organisations;

public sealed class GetOrganisationTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task An_organisation_is_returned_with_its_etag()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("安全环保部");

        var response = await enterprise.Client.GetAsync($"/api/v1/directory/organisations/{unit.Id()}");

        var read = await response.ExpectJsonAsync();
        Assert.Equal("安全环保部", read.Str("name"));
        Assert.Equal(enterprise.Id, read["parentId"]!.GetValue<Guid>());
        Assert.Equal("\"1\"", response.ETag());
    }

    [Fact]
    public async Task An_unknown_id_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"/api/v1/directory/organisations/{Guid.NewGuid()}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "organisation_not_found");
    }

    [Fact]
    public async Task Another_enterprises_unit_is_not_found_as_if_it_did_not_exist()
    {
        var mine = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();
        var theirUnit = await theirs.AddUnitAsync();

        var response = await mine.Client.GetAsync($"/api/v1/directory/organisations/{theirUnit.Id()}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "organisation_not_found");
    }

    [Fact]
    public async Task A_region_sees_its_enterprises_but_not_their_units()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var region = enterprise.Region.Client;

        await (await region.GetAsync($"/api/v1/directory/organisations/{enterprise.Id}")).ExpectJsonAsync();
        var hidden = await region.GetAsync($"/api/v1/directory/organisations/{unit.Id()}");

        await hidden.ExpectProblemAsync(HttpStatusCode.NotFound, "organisation_not_found");
    }

    [Fact]
    public async Task An_id_that_is_not_a_uuid_matches_no_route()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync("/api/v1/directory/organisations/not-an-id");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
