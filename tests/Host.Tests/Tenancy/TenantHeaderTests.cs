namespace Workforce.Host.Tests.Tenancy;

public sealed class TenantHeaderTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_directory_request_without_a_tenant_is_refused()
    {
        var response = await api.Client().GetAsync("/api/v1/directory/workers");

        await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "tenant_required");
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("00000000-0000-7000-8000")]
    public async Task A_tenant_that_is_not_a_uuid_is_refused(string tenant)
    {
        var response = await api.SendWithHeadersAsync(HttpMethod.Get, "/api/v1/directory/workers", ("X-Tenant-Id", tenant));

        await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "tenant_invalid");
    }
}
