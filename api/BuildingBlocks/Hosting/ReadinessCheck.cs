using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.BuildingBlocks.Hosting;

/// <summary>Ready means: the database answers and every migration file is applied, unedited.</summary>
internal sealed class ReadinessCheck(MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await migrations.StatusAsync(cancellationToken);
            if (status.UpToDate)
            {
                return HealthCheckResult.Healthy("The database is reachable and migrated.");
            }
            return HealthCheckResult.Unhealthy(status.Problems.Count > 0
                ? string.Join(" ", status.Problems)
                : $"{status.Pending.Count} migration(s) pending: {string.Join(", ", status.Pending)}");
        }
        catch (Exception error) when (error is Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.");
        }
    }
}
