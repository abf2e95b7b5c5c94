namespace Workforce.Directory.Tests.Imports;

public sealed class ListImportsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Imports = "/api/v1/directory/imports";

    [Fact]
    public async Task The_list_narrows_to_the_phases_asked_for_and_to_those_started_since_a_moment_with_their_total()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");
        var completed = await enterprise.Client.ImportAsync(ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow("车间")]));
        await (await enterprise.Client.UploadAsync(ImportFiles.Csv(["姓名,岗位", "张三,钳工"]))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "import_columns_missing");
        var all = (await (await enterprise.Client.GetAsync(Imports)).ExpectJsonAsync())["items"]!.AsArray();
        var failed = all.Single(j => j!.Str("phase") == "failed")!;
        await (await (await api.NewEnterpriseAsync()).Client.UploadAsync(ImportFiles.Csv(["姓名", "李四"]))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "import_columns_missing");

        var onlyFailed = await (await enterprise.Client.GetAsync($"{Imports}?phase=failed&total=true")).ExpectJsonAsync();
        var finished = await (await enterprise.Client.GetAsync($"{Imports}?phase=failed&phase=completed&total=true")).ExpectJsonAsync();
        var since = Uri.EscapeDataString(failed.Str("createdAt"));
        var sinceFailure = await (await enterprise.Client.GetAsync($"{Imports}?since={since}&total=true")).ExpectJsonAsync();
        var afterAll = Uri.EscapeDataString(failed["createdAt"]!.GetValue<DateTimeOffset>().AddMilliseconds(1).ToString("O"));
        var none = await (await enterprise.Client.GetAsync($"{Imports}?phase=failed&since={afterAll}&total=true")).ExpectJsonAsync();

        Assert.Equal([failed.Id()], Ids(onlyFailed));
        Assert.Equal([failed.Id(), completed.Id()], Ids(finished));
        Assert.Equal([failed.Id()], Ids(sinceFailure));
        Assert.Empty(Ids(none));
        Assert.Equal([1, 2, 1, 0], new[] { onlyFailed, finished, sinceFailure, none }.Select(page => page["total"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_phase_or_moment_the_list_does_not_know_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();

        await (await enterprise.Client.GetAsync($"{Imports}?phase=broken")).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await enterprise.Client.GetAsync($"{Imports}?since=yesterday")).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    private static Guid[] Ids(JsonNode page) => page["items"]!.AsArray().Select(j => j!.Id()).ToArray();
}
