using Workforce.BuildingBlocks.Modules;

namespace Workforce.Host;

/// <summary>With <c>Demo:Seed=true</c> (as <c>make run</c> sets it), fills an empty database with a realistic demo dataset, module by module.</summary>
internal sealed class DemoData(IServiceProvider services, IEnumerable<IModule> modules, IConfiguration configuration, ILogger<DemoData> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Seed"))
        {
            return;
        }
        var demo = new DemoSeeding(services);
        foreach (var module in modules)
        {
            await module.SeedDemoDataAsync(demo, cancellationToken);
            if (demo.AlreadyPresent)
            {
                logger.LogInformation("Demo dataset already present");
                return;
            }
        }
        logger.LogInformation("Seeded the demo dataset");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
