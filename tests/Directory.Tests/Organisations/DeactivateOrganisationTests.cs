namespace Workforce.Directory.Tests.Organisations;

public sealed class DeactivateOrganisationTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string DeactivateUrl(Guid id) => $"/api/v1/directory/organisations/{id}/deactivate";

    [Fact]
    public async Task An_empty_unit_is_deactivated_and_its_name_freed()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("撤销的部门");

        var response = await enterprise.Client.PostAsync(DeactivateUrl(unit.Id()), ifMatch: "\"1\"");

        var deactivated = await response.ExpectJsonAsync();
        Assert.Equal("inactive", deactivated.Str("status"));
        Assert.Equal("\"2\"", response.ETag());
        await enterprise.AddUnitAsync("撤销的部门");
    }

    [Fact]
    public async Task A_unit_with_an_active_child_is_not_emptied()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        await enterprise.AddUnitAsync(parentId: unit.Id(), kind: "team");

        var response = await enterprise.Client.PostAsync(DeactivateUrl(unit.Id()), ifMatch: "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_not_empty");
    }

    [Fact]
    public async Task A_unit_with_an_active_worker_is_not_emptied()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        await enterprise.RegisterWorkerAsync(unit.Id());

        var response = await enterprise.Client.PostAsync(DeactivateUrl(unit.Id()), ifMatch: "\"1\"");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_not_empty");
        Assert.Contains("1 active worker", problem.Detail);
    }

    [Fact]
    public async Task Nothing_can_be_added_under_a_deactivated_unit()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        await (await enterprise.Client.PostAsync(DeactivateUrl(unit.Id()), ifMatch: "\"1\"")).ExpectJsonAsync();

        var child = await enterprise.Client.PostAsync("/api/v1/directory/organisations", new { parentId = unit.Id(), kind = "team", name = "一班" });
        var worker = await enterprise.Client.PostAsync("/api/v1/directory/workers", TestEnterprise.WorkerBody(unit.Id()));

        await child.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_inactive");
        await worker.ExpectInvalidFieldsAsync("unitId");
    }

    [Fact]
    public async Task The_platform_cannot_be_deactivated()
    {
        var response = await (await api.AdminAsync()).PostAsync(DeactivateUrl(Scenario.Platform), ifMatch: "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "organisation_is_root");
    }

    [Fact]
    public async Task Deactivating_needs_if_match_and_the_current_version()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();

        await (await enterprise.Client.PostAsync(DeactivateUrl(unit.Id()))).ExpectProblemAsync((HttpStatusCode)428, "precondition_required");
        await (await enterprise.Client.PostAsync(DeactivateUrl(unit.Id()), ifMatch: "\"2\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task An_unknown_organisation_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(DeactivateUrl(Guid.NewGuid()), ifMatch: "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "organisation_not_found");
    }
}
