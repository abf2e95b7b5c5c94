using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Workforce.BuildingBlocks.Data;

/// <summary>
/// Where the database is: the configured <c>ConnectionStrings:Workforce</c> always wins; without one, a private
/// embedded cluster under <c>Database:DataDirectory</c> (default <c>.data/postgres</c>) is started on demand. A cluster
/// this process owns is stopped with it, however the host ends: after a clean shutdown, and when the host is disposed
/// after a start that failed or was cut short by SIGTERM or Ctrl+C, when no shutdown runs.
/// </summary>
public sealed class DatabaseServer(IConfiguration configuration, ILogger<DatabaseServer> logger) : IAsyncDisposable, IDisposable
{
    public const string ConnectionStringName = "Workforce";
    private string? _connectionString;

    public EmbeddedPostgres? Embedded { get; } = IsEmbedded(configuration)
        ? new EmbeddedPostgres(new EmbeddedPostgresOptions
        {
            DataDirectory = DataDirectory(configuration),
            BinDirectory = configuration["Database:BinDirectory"],
        })
        : null;

    public string ConnectionString => _connectionString
        ?? configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException("The embedded database has not been started yet.");

    public static bool IsEmbedded(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Database:DataDirectory"] ?? Path.Combine(".data", "postgres"));

    public async Task StartAsync(CancellationToken ct)
    {
        if (Embedded is null || _connectionString is not null)
        {
            return;
        }
        await Embedded.StartAsync(ct);
        _connectionString = Embedded.ConnectionString();
        logger.LogInformation("Embedded PostgreSQL {State} in {DataDirectory}",
            Embedded.TookOver ? "taken over from an earlier start that left it running" : Embedded.StartedHere ? "started" : "in use, owned by another process",
            Embedded.DataDirectory);
    }

    public async Task StopAsync()
    {
        if (Embedded is { StartedHere: true })
        {
            await Embedded.StopAsync();
            logger.LogInformation("Embedded PostgreSQL stopped");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public void Dispose() => StopAsync().GetAwaiter().GetResult();
}
