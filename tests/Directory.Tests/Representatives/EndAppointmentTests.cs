namespace Workforce.Directory.Tests.Representatives;

public sealed class EndAppointmentTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task An_ended_appointment_frees_the_worker_for_a_new_one()
    {
        var (enterprise, term, worker, appointment) = await Appointed();

        var response = await enterprise.Client.PostAsync(EndUrl(appointment), new { endedOn = "2025-03-31", reason = "调离本单位" }, "\"1\"");

        var ended = await response.ExpectJsonAsync();
        Assert.Equal("2025-03-31", ended.Str("endedOn"));
        Assert.Equal("调离本单位", ended.Str("endReason"));
        Assert.False(ended["active"]!.GetValue<bool>());
        Assert.Equal("\"2\"", response.ETag());
        await enterprise.Client.CreateAsync($"/api/v1/directory/terms/{term}/representatives",
            new { workerId = worker, delegationGroup = "第二代表组", appointedOn = "2025-06-01" });
    }

    [Fact]
    public async Task An_appointment_ends_once()
    {
        var (enterprise, _, _, appointment) = await Appointed();
        await (await enterprise.Client.PostAsync(EndUrl(appointment), new { endedOn = "2025-03-31", reason = "辞去代表职务" }, "\"1\"")).ExpectJsonAsync();

        var response = await enterprise.Client.PostAsync(EndUrl(appointment), new { endedOn = "2025-04-30", reason = "再次" }, "\"2\"");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "appointment_ended");
    }

    [Fact]
    public async Task An_appointment_cannot_end_before_it_began()
    {
        var (enterprise, _, _, appointment) = await Appointed();

        var response = await enterprise.Client.PostAsync(EndUrl(appointment), new { endedOn = "2023-12-31", reason = "错误" }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("endedOn");
    }

    [Fact]
    public async Task Ending_needs_a_date_a_reason_and_the_current_version()
    {
        var (enterprise, _, _, appointment) = await Appointed();

        await (await enterprise.Client.PostAsync(EndUrl(appointment), new { }, "\"1\"")).ExpectInvalidFieldsAsync("endedOn", "reason");
        await (await enterprise.Client.PostAsync(EndUrl(appointment), new { endedOn = "2025-01-01", reason = "罢免" })).ExpectProblemAsync((HttpStatusCode)428, "precondition_required");
        await (await enterprise.Client.PostAsync(EndUrl(appointment), new { endedOn = "2025-01-01", reason = "罢免" }, "\"3\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task An_unknown_appointment_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(EndUrl(Guid.NewGuid()), new { endedOn = "2025-01-01", reason = "罢免" }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "representative_not_found");
    }

    private static string EndUrl(Guid appointment) => $"/api/v1/directory/representatives/{appointment}/end";

    private async Task<(TestEnterprise Enterprise, Guid Term, Guid Worker, Guid Appointment)> Appointed()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var term = await enterprise.CreateTermAsync();
        var appointment = await enterprise.Client.CreateAsync($"/api/v1/directory/terms/{term.Id()}/representatives",
            new { workerId = worker.Id(), delegationGroup = "第一代表组" });
        return (enterprise, term.Id(), worker.Id(), appointment.Id());
    }
}
