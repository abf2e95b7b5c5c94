using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.Host;

/// <summary><c>make migrate</c>: bring the database up (embedded unless configured), apply pending migrations, stop.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var server = services.GetRequiredService<DatabaseServer>();
        try
        {
            await server.StartAsync(CancellationToken.None);
            var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync();
            Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {string.Join(", ", applied)}.");
            return 0;
        }
        catch (Exception error) when (error is MigrationException or EmbeddedPostgresException)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
        finally
        {
            await server.StopAsync();
        }
    }
}
