namespace Workforce.Directory.Tests.Workers;

public sealed class GetWorkerTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task The_full_record_is_returned_with_its_etag()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var registered = await enterprise.RegisterWorkerAsync();

        var response = await enterprise.Client.GetAsync($"/api/v1/directory/workers/{registered.Id()}");

        var worker = await response.ExpectJsonAsync();
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(registered.Str("residentId"), worker.Str("residentId"));
        Assert.Equal(registered.Str("phone"), worker.Str("phone"));
        Assert.False(worker["partyMember"]!.GetValue<bool>());
        Assert.Null(worker["residentIdCipher"]);
    }

    [Fact]
    public async Task An_unknown_worker_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"/api/v1/directory/workers/{Guid.NewGuid()}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "worker_not_found");
    }

    [Fact]
    public async Task Another_enterprises_worker_is_not_found_as_if_it_did_not_exist()
    {
        var mine = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();
        var theirWorker = await theirs.RegisterWorkerAsync();

        var response = await mine.Client.GetAsync($"/api/v1/directory/workers/{theirWorker.Id()}");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "worker_not_found");
    }
}
