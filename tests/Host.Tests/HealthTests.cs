using Npgsql;

namespace Workforce.Host.Tests;

/// <summary>
/// /healthz says the process runs; /readyz that the database answers and every migration file is applied, unedited.
/// The readiness check reads public.schema_migrations on every call, so the tests change it and put it back.
/// </summary>
public sealed class HealthTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task The_process_reports_itself_live()
    {
        var response = await api.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_ignores_the_tenant_header_the_api_needs()
    {
        var response = await api.SendWithHeadersAsync(HttpMethod.Get, "/healthz", ("X-Tenant-Id", "not-a-tenant"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        var response = await api.Anonymous().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pending_migration_makes_the_service_not_ready()
    {
        await ExecuteAsync("""
            CREATE TABLE public.set_aside AS
                SELECT * FROM public.schema_migrations WHERE name = (SELECT max(name) FROM public.schema_migrations);
            DELETE FROM public.schema_migrations WHERE name IN (SELECT name FROM public.set_aside);
            """);
        try
        {
            await ExpectNotReadyAsync();
        }
        finally
        {
            await ExecuteAsync("INSERT INTO public.schema_migrations SELECT * FROM public.set_aside; DROP TABLE public.set_aside;");
        }
        await ExpectReadyAsync();
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_makes_the_service_not_ready()
    {
        const string Flip = "UPDATE public.schema_migrations SET checksum = reverse(checksum) WHERE name = (SELECT min(name) FROM public.schema_migrations)";
        await ExecuteAsync(Flip);
        try
        {
            await ExpectNotReadyAsync();
        }
        finally
        {
            await ExecuteAsync(Flip);
        }
        await ExpectReadyAsync();
    }

    private async Task ExpectNotReadyAsync()
    {
        var response = await api.Anonymous().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    private async Task ExpectReadyAsync() => Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/readyz")).StatusCode);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
