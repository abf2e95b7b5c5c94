namespace Workforce.Directory.Tests.Workers;

public sealed class RegisterWorkerTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Registering_a_valid_worker_returns_the_record_with_location_and_etag()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("总装车间");
        var body = TestEnterprise.WorkerBody(unit.Id());
        body["residentId"] = "11010519491231002x";

        var response = await enterprise.Client.PostAsync("/api/v1/directory/workers", body);

        var worker = await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/directory/workers/{worker.Id()}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal("11010519491231002X", worker.Str("residentId"));
        Assert.Equal("female", worker.Str("gender"));
        Assert.Equal("1949-12-31", worker.Str("birthDate"));
        Assert.Equal("总装车间", worker.Str("unitName"));
        Assert.Equal("active", worker.Str("status"));
    }
}
