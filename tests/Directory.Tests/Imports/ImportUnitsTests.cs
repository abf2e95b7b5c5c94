namespace Workforce.Directory.Tests.Imports;

public sealed class ImportUnitsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_file_builds_a_tree_parents_first_whatever_its_order()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
        [
            "名称,上级,类型,编码",
            "总装一班,生产部/总装车间,班组,ZZ1",
            "总装车间,生产部,车间,ZZ",
            "生产部,,部门,SC",
        ]), "mode=allOrNothing", "units");

        Assert.Equal([3, 3, 0], new[] { "rowsRead", "created", "rowsRejected" }.Select(job.Int));
        var tree = await (await enterprise.Client.GetAsync($"/api/v1/directory/organisations?under={enterprise.Id}")).ExpectJsonAsync();
        var byName = tree["items"]!.AsArray().ToDictionary(o => o!.Str("name"), o => o!);
        Assert.Equal(byName["生产部"].Id(), byName["总装车间"]["parentId"]!.GetValue<Guid>());
        Assert.Equal(byName["总装车间"].Id(), byName["总装一班"]["parentId"]!.GetValue<Guid>());
        Assert.Equal("team", byName["总装一班"].Str("kind"));
        Assert.Equal("ZZ1", byName["总装一班"].Str("code"));
    }

    [Fact]
    public async Task Existing_units_are_kept_or_recoded_and_bad_rows_reported()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var workshop = await enterprise.AddUnitAsync("总装车间");
        await enterprise.AddUnitAsync("一班", workshop.Id(), "team");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
        [
            "name,parent,kind,code",
            "总装车间,,unit,ZZ-NEW",
            "一班,总装车间,team,",
            "子班,总装车间/一班,team,",
            "孤儿,没有的部门,unit,",
            ",总装车间,unit,",
        ]), "mode=skipInvalid", "units");

        Assert.Equal([5, 2, 3, 0, 1], new[] { "rowsRead", "rowsValid", "rowsRejected", "created", "updated" }.Select(job.Int));
        var rejected = await enterprise.Client.RejectedCsvAsync(job);
        Assert.Contains("A team goes under an enterprise or a unit", rejected);
        Assert.Contains("There is no unit '没有的部门'", rejected);
        Assert.Contains("Give a name", rejected);
        var recoded = await (await enterprise.Client.GetAsync($"/api/v1/directory/organisations/{workshop.Id()}")).ExpectJsonAsync();
        Assert.Equal("ZZ-NEW", recoded.Str("code"));
    }

    [Fact]
    public async Task Importing_units_needs_the_right_to_shape_the_tree()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.write", "directory.workers.read");

        var response = await api.WithApiKey(key).UploadAsync(ImportFiles.Csv(["名称", "生产部"]), "mode=skipInvalid", "units");

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_region_administrator_follows_the_units_import_they_started_but_sees_no_import_of_workers()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("车间");
        var workers = await enterprise.Client.ImportAsync(ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow(unit.Id().ToString()), "坏,行"]));
        var region = enterprise.Region.Client.ActingFor(enterprise.Id);

        var units = await region.ImportAsync(ImportFiles.Csv(["名称,上级", "生产部,", "坏的,不存在"]), kind: "units");

        Assert.Equal("completed", units.Str("phase"));
        var rejected = await (await region.GetAsync(units.Str("rejectedRowsUrl"))).Content.ReadAsStringAsync();
        Assert.Contains("不存在", rejected);
        var listed = await (await region.GetAsync("/api/v1/directory/imports?total=true")).ExpectJsonAsync();
        Assert.Equal([units.Id()], listed["items"]!.AsArray().Select(job => job!.Id()));
        Assert.Equal(1, listed.Int("total"));
        await (await region.GetAsync($"/api/v1/directory/imports/{workers.Id()}")).ExpectProblemAsync(HttpStatusCode.NotFound, "import_not_found");
        await (await region.GetAsync($"/api/v1/directory/imports/{workers.Id()}/rejected")).ExpectProblemAsync(HttpStatusCode.NotFound, "import_not_found");
    }
}
