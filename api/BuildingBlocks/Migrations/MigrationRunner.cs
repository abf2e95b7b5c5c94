using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Workforce.BuildingBlocks.Migrations;

public sealed record MigrationStatus(IReadOnlyList<string> Pending, IReadOnlyList<string> Problems)
{
    public bool UpToDate => Pending.Count == 0 && Problems.Count == 0;
}

/// <summary>
/// Applies pending migrations in number order, each in its own transaction, under a session advisory lock so that
/// instances starting together take turns; records each file's name and checksum, and refuses to run when a file
/// that was applied has since been edited or removed.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, IReadOnlyList<MigrationScript> scripts, ILogger<MigrationRunner> logger)
{
    // Any constant works; all instances must agree on it.
    private const long LockKey = 0x5746_4D49_4752; // "WFMIGR"

    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS public.schema_migrations (
            name        text PRIMARY KEY,
            checksum    text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now(),
            duration_ms integer NOT NULL
        )
        """;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await LockAsync(connection, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateHistory, cancellationToken: ct));
            var status = await StatusAsync(connection, ct);
            if (status.Problems.Count > 0)
            {
                throw new MigrationException(string.Join(" ", status.Problems));
            }

            var applied = new List<string>();
            foreach (var script in scripts.Where(s => status.Pending.Contains(s.Name)))
            {
                await ApplyAsync(connection, script, ct);
                applied.Add(script.Name);
            }
            return applied;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>Waits its turn behind another instance's migrations, but not forever: a hung instance must not hold every start.</summary>
    private static async Task LockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SET lock_timeout = '5min'; SELECT pg_advisory_lock(@LockKey); RESET lock_timeout;", new { LockKey }, cancellationToken: ct));
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new MigrationException("Another instance has held the migration lock for over 5 minutes; is one stuck?", error);
        }
    }

    public async Task<MigrationStatus> StatusAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var historyExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('public.schema_migrations') IS NOT NULL", cancellationToken: ct));
        return historyExists
            ? await StatusAsync(connection, ct)
            : new MigrationStatus(scripts.Select(s => s.Name).ToList(), []);
    }

    private async Task<MigrationStatus> StatusAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = (await connection.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(
            "SELECT name, checksum FROM public.schema_migrations", cancellationToken: ct)))
            .ToDictionary(row => row.Name, row => row.Checksum);

        var problems = new List<string>();
        foreach (var script in scripts)
        {
            if (applied.TryGetValue(script.Name, out var checksum) && checksum != script.Checksum)
            {
                problems.Add($"Migration {script.Name} was edited after it was applied; add a new migration instead of changing it.");
            }
        }
        foreach (var name in applied.Keys.Except(scripts.Select(s => s.Name)).Order())
        {
            problems.Add($"Migration {name} was applied to this database but is not among the migration files; is this build older than the database?");
        }
        var pending = scripts.Where(s => !applied.ContainsKey(s.Name)).Select(s => s.Name).ToList();
        return new MigrationStatus(pending, problems);
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO public.schema_migrations (name, checksum, duration_ms) VALUES (@Name, @Checksum, @Duration)",
                new { script.Name, script.Checksum, Duration = (int)clock.ElapsedMilliseconds }, transaction, cancellationToken: ct));
            await transaction.CommitAsync(ct);
        }
        catch (PostgresException error)
        {
            throw new MigrationException($"Migration {script.Name} failed and was rolled back: {error.MessageText}", error);
        }
        logger.LogInformation("Applied migration {Migration} in {DurationMs} ms", script.Name, clock.ElapsedMilliseconds);
    }
}
