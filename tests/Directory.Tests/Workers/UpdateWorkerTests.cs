namespace Workforce.Directory.Tests.Workers;

public sealed class UpdateWorkerTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string Url(Guid id) => $"/api/v1/directory/workers/{id}";

    [Fact]
    public async Task An_update_replaces_the_fields_and_bumps_the_version()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var workshop = await enterprise.AddUnitAsync("机加工车间");
        var worker = await enterprise.RegisterWorkerAsync();
        var body = TestEnterprise.WorkerBody(workshop.Id());
        body["employeeNumber"] = worker.Str("employeeNumber");
        body["residentId"] = worker.Str("residentId");
        body["skillGrade"] = "technician";
        body["status"] = "onLeave";
        body["phone"] = null;

        var response = await enterprise.Client.PutAsync(Url(worker.Id()), body, "\"1\"");

        var updated = await response.ExpectJsonAsync();
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal("机加工车间", updated.Str("unitName"));
        Assert.Equal("technician", updated.Str("skillGrade"));
        Assert.Equal("onLeave", updated.Str("status"));
        Assert.Null(updated["phone"]);
        Assert.Equal(body["name"], updated.Str("name"));
    }

    [Fact]
    public async Task Without_if_match_the_update_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();

        var response = await enterprise.Client.PutAsync(Url(worker.Id()), TestEnterprise.WorkerBody(enterprise.Id));

        await response.ExpectProblemAsync((HttpStatusCode)428, "precondition_required");
    }

    [Fact]
    public async Task A_stale_etag_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        await (await enterprise.Client.PutAsync(Url(worker.Id()), SameWorker(worker), "\"1\"")).ExpectJsonAsync();

        var response = await enterprise.Client.PutAsync(Url(worker.Id()), SameWorker(worker), "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task Invalid_fields_are_refused_and_nothing_changes()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var body = SameWorker(worker);
        body["residentId"] = "110105194912310021";
        body["name"] = "";

        var response = await enterprise.Client.PutAsync(Url(worker.Id()), body, "\"1\"");

        await response.ExpectInvalidFieldsAsync("name", "residentId");
        var unchanged = await enterprise.Client.GetAsync(Url(worker.Id()));
        Assert.Equal("\"1\"", unchanged.ETag());
    }

    [Fact]
    public async Task Taking_a_colleagues_employee_number_is_a_conflict()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var colleague = await enterprise.RegisterWorkerAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var body = SameWorker(worker);
        body["employeeNumber"] = colleague.Str("employeeNumber");

        var response = await enterprise.Client.PutAsync(Url(worker.Id()), body, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "employee_number_taken");
    }

    [Fact]
    public async Task A_worker_who_left_is_not_edited()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        await (await enterprise.Client.PostAsync($"{Url(worker.Id())}/deactivate", new { status = "left", leftOn = "2026-01-31" }, "\"1\"")).ExpectJsonAsync();

        var response = await enterprise.Client.PutAsync(Url(worker.Id()), SameWorker(worker), "\"2\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "worker_deactivated");
    }

    [Fact]
    public async Task An_unknown_worker_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PutAsync(Url(Guid.NewGuid()), TestEnterprise.WorkerBody(enterprise.Id), "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "worker_not_found");
    }

    private static Dictionary<string, object?> SameWorker(JsonNode worker)
    {
        var body = TestEnterprise.WorkerBody(worker["unitId"]!.GetValue<Guid>());
        body["employeeNumber"] = worker.Str("employeeNumber");
        body["residentId"] = worker.Str("residentId");
        return body;
    }
}
