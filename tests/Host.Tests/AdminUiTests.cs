using Microsoft.AspNetCore.Hosting;

namespace Workforce.Host.Tests;

/// <summary>The Host with an admin app build of its own: an index page and one hashed asset, in the tests' output folder.</summary>
public sealed class AdminUiApi : WorkforceApi
{
    private static readonly string Build = Path.Combine(AppContext.BaseDirectory, "admin-ui-build");

    public AdminUiApi()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Build, "assets"));
        File.WriteAllText(Path.Combine(Build, "index.html"), "<!doctype html><title>产改工作平台</title>");
        File.WriteAllText(Path.Combine(Build, "assets", "index-abc123.js"), "console.log('app');");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AdminUi:Path", Build);
    }
}

public sealed class AdminUiTests(AdminUiApi api) : IClassFixture<AdminUiApi>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/workers")]
    [InlineData("/directory/organisations/0196f2a0-0000-7000-8000-000000000000")]
    public async Task The_apps_pages_load_its_index_from_the_apis_origin(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("产改工作平台", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Its_hashed_assets_are_served_to_be_kept()
    {
        var response = await api.CreateClient().GetAsync("/assets/index-abc123.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('app');", await response.Content.ReadAsStringAsync());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api")]
    [InlineData("/assets/missing.js")]
    public async Task The_api_and_missing_files_are_never_answered_with_the_app(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_document_and_health_stay_the_apis()
    {
        var client = api.CreateClient();

        Assert.Equal("application/json", (await client.GetAsync("/openapi/v1.json")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
