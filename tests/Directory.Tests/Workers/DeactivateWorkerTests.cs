namespace Workforce.Directory.Tests.Workers;

public sealed class DeactivateWorkerTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string Url(Guid id) => $"/api/v1/directory/workers/{id}/deactivate";

    [Fact]
    public async Task A_worker_who_left_is_recorded_and_their_appointments_end()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var term = await enterprise.CreateTermAsync();
        var appointment = await enterprise.Client.CreateAsync($"/api/v1/directory/terms/{term.Id()}/representatives",
            new { workerId = worker.Id(), delegationGroup = "第一代表组", appointedOn = "2024-03-01" });

        var response = await enterprise.Client.PostAsync(Url(worker.Id()), new { status = "left", leftOn = "2025-06-30" }, "\"1\"");

        var left = await response.ExpectJsonAsync();
        Assert.Equal("left", left.Str("status"));
        Assert.Equal("2025-06-30", left.Str("leftOn"));
        var ended = await (await enterprise.Client.GetAsync($"/api/v1/directory/representatives/{appointment.Id()}")).ExpectJsonAsync();
        Assert.Equal("2025-06-30", ended.Str("endedOn"));
        Assert.False(ended["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_worker_can_retire()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();

        var response = await enterprise.Client.PostAsync(Url(worker.Id()), new { status = "retired", leftOn = "2026-01-01" }, "\"1\"");

        Assert.Equal("retired", (await response.ExpectJsonAsync()).Str("status"));
    }

    [Fact]
    public async Task Deactivating_needs_a_leaving_status_and_date()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();

        var response = await enterprise.Client.PostAsync(Url(worker.Id()), new { status = "active" }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("status", "leftOn");
    }

    [Fact]
    public async Task Leaving_before_being_hired_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync(change: body => body["hiredOn"] = "2020-01-01");

        var response = await enterprise.Client.PostAsync(Url(worker.Id()), new { status = "left", leftOn = "2019-12-31" }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("leftOn");
    }

    [Fact]
    public async Task A_worker_cannot_leave_twice()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        await (await enterprise.Client.PostAsync(Url(worker.Id()), new { status = "left", leftOn = "2026-01-01" }, "\"1\"")).ExpectJsonAsync();

        var response = await enterprise.Client.PostAsync(Url(worker.Id()), new { status = "retired", leftOn = "2026-02-01" }, "\"2\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "worker_deactivated");
    }

    [Fact]
    public async Task Deactivating_needs_if_match_and_the_current_version()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var body = new { status = "left", leftOn = "2026-01-01" };

        await (await enterprise.Client.PostAsync(Url(worker.Id()), body)).ExpectProblemAsync((HttpStatusCode)428, "precondition_required");
        await (await enterprise.Client.PostAsync(Url(worker.Id()), body, "\"9\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task An_unknown_worker_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url(Guid.NewGuid()), new { status = "left", leftOn = "2026-01-01" }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "worker_not_found");
    }
}
