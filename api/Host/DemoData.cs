using Workforce.Access;
using Workforce.Congress;
using Workforce.Proposals;
using Workforce.Directory;

namespace Workforce.Host;

/// <summary>With <c>Demo:Seed=true</c> (as <c>make run</c> sets it), fills an empty database with a realistic demo dataset.</summary>
internal sealed class DemoData(IServiceProvider services, IConfiguration configuration, ILogger<DemoData> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Seed"))
        {
            return;
        }
        if (await DirectoryModule.SeedDemoDataAsync(services, cancellationToken) is not { } directory)
        {
            logger.LogInformation("Demo dataset already present");
            return;
        }
        await AccessModule.SeedDemoDataAsync(services, directory, cancellationToken);
        await CongressModule.SeedDemoDataAsync(services, directory, cancellationToken);
        await ProposalsModule.SeedDemoDataAsync(services, directory, cancellationToken);
        logger.LogInformation("Seeded the demo dataset");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
