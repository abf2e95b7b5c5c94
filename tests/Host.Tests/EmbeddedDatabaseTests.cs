using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Workforce.Host.Tests;

/// <summary>Without a connection string the Host runs its own PostgreSQL cluster; with one, it never does.</summary>
public sealed class EmbeddedDatabaseTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Without_a_connection_string_the_host_starts_its_own_database_stops_it_on_shutdown_and_reuses_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "workforce-host-tests", Guid.NewGuid().ToString("N"));
        var dataDirectory = Path.Combine(root, "postgres");
        var serverPid = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            await using (var host = new EmbeddedHost(dataDirectory))
            {
                Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/readyz")).StatusCode);
                Assert.True(File.Exists(serverPid));
            }
            Assert.False(File.Exists(serverPid), "The cluster still runs after the host stopped.");

            // The first start generated the administrator's password and left it beside the database.
            var adminPassword = (await File.ReadAllTextAsync(Path.Combine(root, "admin-password"))).Trim();
            await using (var again = new EmbeddedHost(dataDirectory))
            {
                var admin = await Caller.SignInAsync(again.CreateClient(), "admin", adminPassword);
                await (await admin.GetAsync($"/api/v1/directory/organisations/{Scenario.Platform}")).ExpectJsonAsync();
            }
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_connection_string_wins_over_the_embedded_database()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/readyz")).StatusCode);

        Assert.False(System.IO.Directory.Exists(Path.GetFullPath(Path.Combine(".data", "postgres"))));
    }

    private sealed class EmbeddedHost(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:DataDirectory", dataDirectory);
        }
    }
}
