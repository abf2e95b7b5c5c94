using System.Text.Json;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Events;
using Workforce.BuildingBlocks.Files;
using Workforce.BuildingBlocks.Hosting;
using Workforce.BuildingBlocks.Http;
using Workforce.BuildingBlocks.Mediator;
using Workforce.BuildingBlocks.Migrations;
using Workforce.BuildingBlocks.Modules;
using Workforce.BuildingBlocks.Protection;
using Workforce.BuildingBlocks.Security;
using Workforce.BuildingBlocks.Time;

namespace Workforce.BuildingBlocks;

public static class BuildingBlocksRegistration
{
    /// <summary>
    /// Everything the modules stand on: the database (embedded unless configured), migrations, the mediator over the
    /// module assemblies, errors, tenancy, permissions and data protection; then the modules' own services, in the
    /// order of <paramref name="modules"/>. Configuration is read when first needed, not here, so hosts and test
    /// factories can still change it after registration.
    /// </summary>
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, IReadOnlyList<IModule> modules)
    {
        DapperConventions.Apply();

        services.AddSingleton<DatabaseServer>();
        services.AddSingleton(provider =>
        {
            var source = new NpgsqlDataSourceBuilder(provider.GetRequiredService<DatabaseServer>().ConnectionString);
            // The statements every request runs (its session, its account, its transaction's audit context) are then
            // parsed and planned once per connection rather than each time (a ballot: 2.2 ms of PostgreSQL CPU down to 1.3).
            // A prepared statement may get one plan for all parameters after five runs: a query with optional filters
            // (@x IS NULL OR ...) must keep its LIMIT a parameter, as the lists do, or a generic plan may scan past them.
            if (source.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                source.ConnectionStringBuilder.MaxAutoPrepare = 50;
            }
            return source.UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>()).Build();
        });
        services.AddSingleton(provider => new MigrationRunner(
            provider.GetRequiredService<NpgsqlDataSource>(),
            MigrationScript.LoadDirectory(MigrationsDirectory(provider.GetRequiredService<IConfiguration>())),
            provider.GetRequiredService<ILogger<MigrationRunner>>()));
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("database", tags: ["ready"]);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CalendarCache>();
        services.AddScoped<EnterpriseCalendar>();
        services.AddScoped<DbSession>();
        services.AddScoped<Outbox>();
        services.AddScoped<FileStore>();
        services.AddOptions<FileStoreOptions>().BindConfiguration("Files");
        services.AddScoped<CurrentActor>();
        services.AddSingleton<ConstraintProblems>();
        services.AddSingleton(provider => new SensitiveData(SensitiveDataKeysFrom(provider.GetRequiredService<IConfiguration>())));
        services.AddMediator(modules.Select(module => module.GetType().Assembly).Append(typeof(BuildingBlocksRegistration).Assembly));
        services.AddProblemResponses();
        services.AddJsonBodies();
        services.AddSingleton(new PermissionCatalog(modules));
        services.AddSingleton(new EventCatalogue(modules));
        FieldNames.Use(modules);
        foreach (var module in modules)
        {
            services.AddSingleton(module);
            module.AddServices(services);
        }
        return services;
    }

    /// <summary>Where <see cref="EnterpriseCalendar"/> asks for a tenant's calendar: the module keeping calendars registers it.</summary>
    public static IServiceCollection AddCalendarSource(this IServiceCollection services, Func<Guid, IRequest<CalendarRules>> ask) =>
        services.AddSingleton(new CalendarSource(ask));

    public static string MigrationsDirectory(IConfiguration configuration) =>
        configuration["Database:MigrationsDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "db-migrations");

    /// <summary>
    /// Configured keys win. A development machine on the embedded database gets keys generated once and kept beside
    /// its data; anywhere else, running without configured keys would lose data, so it is refused.
    /// </summary>
    private static SensitiveDataKeys SensitiveDataKeysFrom(IConfiguration configuration)
    {
        var configured = configuration.GetSection("SensitiveData").Get<SensitiveDataKeys>();
        if (configured is { EncryptionKey.Length: > 0, LookupKey.Length: > 0 })
        {
            return configured;
        }
        if (!DatabaseServer.IsEmbedded(configuration))
        {
            throw new InvalidOperationException(
                "Set SensitiveData__EncryptionKey and SensitiveData__LookupKey (32 random bytes each, base64) to protect personal data at rest.");
        }

        var file = DatabaseServer.DataDirectory(configuration) + ".keys.json";
        if (File.Exists(file))
        {
            return JsonSerializer.Deserialize<SensitiveDataKeys>(File.ReadAllText(file))
                ?? throw new InvalidOperationException($"{file} is empty.");
        }
        var keys = SensitiveDataKeys.Generate();
        PrivateFile.Write(file, JsonSerializer.Serialize(keys));
        return keys;
    }
}
