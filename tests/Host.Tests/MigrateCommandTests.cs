using System.Diagnostics;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.Host.Tests;

/// <summary><c>Workforce.Host migrate</c>, run as its own process against an empty database of its own.</summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private const string EditFirstMigration =
        "UPDATE public.schema_migrations SET checksum = reverse(checksum) WHERE name = (SELECT min(name) FROM public.schema_migrations)";

    private static readonly IReadOnlyList<string> Migrations =
        MigrationScript.LoadDirectory(TestPostgres.MigrationsDirectory).Select(script => script.Name).ToList();

    private ScratchDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ScratchDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Migrate_applies_every_pending_migration_and_says_which()
    {
        var run = await MigrateAsync();

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"Applied {string.Join(", ", Migrations)}.", run.Output);
        Assert.Equal(Migrations, await _db.QueryAsync<string>("SELECT name FROM public.schema_migrations ORDER BY name"));
    }

    [Fact]
    public async Task Migrate_on_an_up_to_date_database_changes_nothing()
    {
        await MigrateAsync();

        var run = await MigrateAsync();

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("The database is up to date.", run.Output);
    }

    [Fact]
    public async Task Migrate_refuses_a_database_whose_applied_migration_was_edited()
    {
        await MigrateAsync();
        await _db.ExecuteAsync(EditFirstMigration);

        var run = await MigrateAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Migrations[0], run.Error);
    }

    private async Task<(int ExitCode, string Output, string Error)> MigrateAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Workforce.Host.dll"), "migrate", $"--ConnectionStrings:Workforce={_db.ConnectionString}"])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
