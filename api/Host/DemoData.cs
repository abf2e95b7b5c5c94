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
        var seeded = await DirectoryModule.SeedDemoDataAsync(services, cancellationToken);
        logger.LogInformation(seeded ? "Seeded the demo dataset" : "Demo dataset already present");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
