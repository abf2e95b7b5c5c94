using System.Net.Http.Headers;

namespace Workforce.Directory.Tests.Imports;

/// <summary>How a finished import is listed: a dry run as one, with its file's name, what it would do and its rejected rows.</summary>
public sealed class DryRunListingTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_dry_run_is_listed_as_one_with_its_file_name_what_it_would_do_and_its_rejected_rows()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var file = ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow("总装车间"), ImportFiles.WorkerRow("总装车间"), ImportFiles.WorkerRow("没有的车间")]);
        var accepted = await (await enterprise.Client.UploadAsync(file, $"mode=skipInvalid&dryRun=true&fileName={Uri.EscapeDataString("职工花名册.csv")}"))
            .ExpectJsonAsync(HttpStatusCode.Accepted);
        await enterprise.Client.FinishedAsync(accepted.Id());

        var list = await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync();

        var listed = list["items"]!.AsArray().Single(j => j!.Id() == accepted.Id())!;
        Assert.Equal("completed", listed.Str("phase"));
        Assert.True(listed["dryRun"]!.GetValue<bool>());
        Assert.Equal("dryRun", listed.Str("outcome"));
        Assert.Equal("职工花名册.csv", listed.Str("fileName"));
        Assert.Equal([3, 2, 1, 2, 0, 0], new[] { "rowsRead", "rowsValid", "rowsRejected", "created", "updated", "unchanged" }.Select(listed.Int));
        Assert.Equal($"/api/v1/directory/imports/{accepted.Id()}/rejected", listed.Str("rejectedRowsUrl"));
        var rejected = (await enterprise.Client.RejectedCsvAsync(listed)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rejected.Length);
        Assert.StartsWith("4,", rejected[1]);
        Assert.Contains(",not imported,", rejected[1]);
        Assert.Equal(0, await enterprise.WorkerCountAsync());
        var followed = await (await enterprise.Client.GetAsync($"/api/v1/directory/imports/{accepted.Id()}")).ExpectJsonAsync();
        Assert.Equal(listed.ToJsonString(), followed.ToJsonString());
    }

    [Theory]
    [InlineData("mode=skipInvalid", "merged", 1)]
    [InlineData("mode=allOrNothing", "notMerged", 0)]
    public async Task A_completed_import_says_whether_it_merged_its_rows(string query, string outcome, int registered)
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow("总装车间"), ImportFiles.WorkerRow("没有的车间")]), query);

        Assert.Equal(outcome, job.Str("outcome"));
        Assert.False(job["dryRun"]!.GetValue<bool>());
        Assert.Equal(registered, await enterprise.WorkerCountAsync());
    }

    [Fact]
    public async Task An_import_not_yet_completed_or_failed_has_no_outcome()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.UploadAsync(ImportFiles.Csv(["姓名,岗位", "张三,钳工"]));

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "import_columns_missing");
        var failed = (await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync())["items"]![0]!;
        Assert.Equal("failed", failed.Str("phase"));
        Assert.Null(failed["outcome"]);
    }

    [Fact]
    public async Task An_upload_that_names_its_file_as_http_does_in_content_disposition_is_listed_under_that_name()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        var body = new ByteArrayContent(ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow("总装车间")]));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = "二〇二六年 花名册.csv" };

        var accepted = await (await enterprise.Client.SendAsync(HttpMethod.Post, "/api/v1/directory/imports/workers?dryRun=true", body))
            .ExpectJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("二〇二六年 花名册.csv", accepted.Str("fileName"));
        var job = await enterprise.Client.FinishedAsync(accepted.Id());
        Assert.Equal("二〇二六年 花名册.csv", job.Str("fileName"));
    }

    [Fact]
    public async Task The_query_names_the_file_before_the_header_does_and_a_path_in_the_header_is_left_out()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("总装车间");
        HttpContent Body(string fileName)
        {
            var body = new ByteArrayContent(ImportFiles.Csv([ImportFiles.Header, ImportFiles.WorkerRow("总装车间")]));
            body.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
            return body;
        }

        var named = await (await enterprise.Client.SendAsync(HttpMethod.Post, "/api/v1/directory/imports/workers?dryRun=true&fileName=query.csv", Body("header.csv")))
            .ExpectJsonAsync(HttpStatusCode.Accepted);
        var pathed = await (await enterprise.Client.SendAsync(HttpMethod.Post, "/api/v1/directory/imports/workers?dryRun=true", Body("\"exports/2026/roster.csv\"")))
            .ExpectJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal("query.csv", named.Str("fileName"));
        Assert.Equal("roster.csv", pathed.Str("fileName"));
    }
}
