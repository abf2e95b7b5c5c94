using Microsoft.AspNetCore.Hosting;

namespace Workforce.Directory.Tests.Imports;

/// <summary>An API that takes files of at most 4 KB and 5 rows, to show the limits answer 413 and leave nothing behind.</summary>
public sealed class SmallImportsApi : WorkforceApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Imports:MaxBytes", "4096");
        builder.UseSetting("Imports:MaxRows", "5");
    }
}

public sealed class ImportLimitsTests(SmallImportsApi api) : IClassFixture<SmallImportsApi>
{
    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.UploadAsync(new byte[5000]);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Contains("MB", problem.Detail);
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused_with_413_and_nothing_is_staged()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");

        var response = await enterprise.Client.UploadAsync(ImportFiles.Csv(
            Enumerable.Range(0, 6).Select(_ => ImportFiles.WorkerRow("车间")).Prepend(ImportFiles.Header)));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Contains("more than 5 rows", problem.Detail);
        var job = (await (await enterprise.Client.GetAsync("/api/v1/directory/imports")).ExpectJsonAsync())["items"]![0]!;
        Assert.Equal("failed", job.Str("phase"));
        Assert.Contains("more than 5 rows", job.Str("error"));
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var staged = new Npgsql.NpgsqlCommand("SELECT count(*) FROM directory.import_rows WHERE job_id = $1", connection);
        staged.Parameters.Add(new Npgsql.NpgsqlParameter { Value = job.Id() });
        Assert.Equal(0L, await staged.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_file_at_the_limits_is_taken()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.AddUnitAsync("车间");

        var job = await enterprise.Client.ImportAsync(ImportFiles.Csv(
            Enumerable.Range(0, 5).Select(_ => ImportFiles.WorkerRow("车间")).Prepend(ImportFiles.Header)));

        Assert.Equal(5, job.Int("created"));
    }
}
