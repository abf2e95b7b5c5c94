namespace Workforce.Directory.Tests.Representatives;

public sealed class AppointRepresentativeTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string Url(Guid termId) => $"/api/v1/directory/terms/{termId}/representatives";

    [Fact]
    public async Task A_worker_is_appointed_into_a_delegation_group()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("总装车间");
        var worker = await enterprise.RegisterWorkerAsync(unit.Id());
        var term = await enterprise.CreateTermAsync();

        var response = await enterprise.Client.PostAsync(Url(term.Id()),
            new { workerId = worker.Id(), delegationGroup = "第一代表组", isWorkerDirector = true });

        var appointed = await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/directory/representatives/{appointed.Id()}", response.Headers.Location?.ToString());
        Assert.Equal(worker.Str("name"), appointed.Str("workerName"));
        Assert.Equal("总装车间", appointed.Str("unitName"));
        Assert.Equal("2024-01-01", appointed.Str("appointedOn"));
        Assert.True(appointed["isWorkerDirector"]!.GetValue<bool>());
        Assert.False(appointed["isWorkerSupervisor"]!.GetValue<bool>());
        Assert.True(appointed["active"]!.GetValue<bool>());
        var read = await enterprise.Client.GetAsync(response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", read.ETag());
    }

    [Fact]
    public async Task A_worker_serves_once_per_term()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var term = await enterprise.CreateTermAsync();
        await enterprise.Client.CreateAsync(Url(term.Id()), new { workerId = worker.Id(), delegationGroup = "第一代表组" });

        var response = await enterprise.Client.PostAsync(Url(term.Id()), new { workerId = worker.Id(), delegationGroup = "第二代表组" });

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "already_representative");
    }

    [Fact]
    public async Task A_worker_who_left_cannot_be_appointed()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        await (await enterprise.Client.PostAsync($"/api/v1/directory/workers/{worker.Id()}/deactivate",
            new { status = "left", leftOn = "2025-01-01" }, "\"1\"")).ExpectJsonAsync();
        var term = await enterprise.CreateTermAsync();

        var response = await enterprise.Client.PostAsync(Url(term.Id()), new { workerId = worker.Id(), delegationGroup = "第一代表组" });

        await response.ExpectInvalidFieldsAsync("workerId");
    }

    [Fact]
    public async Task Another_enterprises_worker_is_an_unknown_reference()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var stranger = await (await api.NewEnterpriseAsync()).RegisterWorkerAsync();
        var term = await enterprise.CreateTermAsync();

        var response = await enterprise.Client.PostAsync(Url(term.Id()), new { workerId = stranger.Id(), delegationGroup = "第一代表组" });

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
    }

    [Fact]
    public async Task An_unknown_term_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();

        var response = await enterprise.Client.PostAsync(Url(Guid.NewGuid()), new { workerId = worker.Id(), delegationGroup = "第一代表组" });

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "term_not_found");
    }

    [Fact]
    public async Task The_appointment_falls_within_the_term()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var term = await enterprise.CreateTermAsync();

        var response = await enterprise.Client.PostAsync(Url(term.Id()), new { workerId = worker.Id(), delegationGroup = "第一代表组", appointedOn = "2029-01-01" });

        await response.ExpectInvalidFieldsAsync("appointedOn");
    }

    [Fact]
    public async Task A_worker_and_a_group_are_required()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var term = await enterprise.CreateTermAsync();

        var response = await enterprise.Client.PostAsync(Url(term.Id()), new { delegationGroup = " " });

        await response.ExpectInvalidFieldsAsync("workerId", "delegationGroup");
    }
}
