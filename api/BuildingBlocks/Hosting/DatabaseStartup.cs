using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.BuildingBlocks.Hosting;

/// <summary>Before anything else starts: bring up the database and apply pending migrations. After everything stopped: stop the embedded database.</summary>
internal sealed class DatabaseStartup(DatabaseServer server, IServiceProvider services) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken);
        // Resolved only now: the data source needs the server's address.
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => server.StopAsync();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
