using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Workforce.TestKit;

/// <summary>
/// The real Host over its own freshly migrated database: one per test class (use it as a class fixture). Tests talk
/// to it over HTTP as any client would; <see cref="Services"/> is there for tests of in-process contracts.
/// </summary>
public class WorkforceApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly bool _killableServer;

    public WorkforceApi()
    {
    }

    /// <param name="killableServer">Run on a PostgreSQL server of this API's own (<see cref="Postgres"/>), for fault tests.</param>
    protected WorkforceApi(bool killableServer) => _killableServer = killableServer;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The server of this API alone, which a fault test may kill and start again; null on the shared test server.</summary>
    public KillablePostgres? Postgres { get; private set; }

    /// <summary>The server's clock, which tests may hold at a moment of their choosing.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>What the application logged, at every level.</summary>
    public LogCapture Logs { get; } = new();

    public async Task InitializeAsync()
    {
        if (_killableServer)
        {
            Postgres = await KillablePostgres.StartAsync();
            ConnectionString = Postgres.ConnectionString;
        }
        else
        {
            ConnectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
        else
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
    }

    public const string AdminPassword = "Platform-Secret-2026";

    private Caller? _admin;

    public Caller Anonymous() => Caller.Anonymous(CreateClient());

    public Caller WithApiKey(string key) => Caller.WithApiKey(CreateClient(), key);

    /// <summary>An API-key caller whose request bodies go out as they are written; the default client holds a body back until it is whole, to follow redirects with it.</summary>
    public Caller StreamingWithApiKey(string key) => Caller.WithApiKey(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), key);

    public Task<Caller> SignInAsync(string loginName, string password) => Caller.SignInAsync(CreateClient(), loginName, password);

    /// <summary>The platform administrator the first start created, signed in.</summary>
    public async Task<Caller> AdminAsync() => _admin ??= await SignInAsync("admin", AdminPassword);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Workforce", ConnectionString);
        builder.UseSetting("SensitiveData:EncryptionKey", EncryptionKey);
        builder.UseSetting("SensitiveData:LookupKey", LookupKey);
        builder.UseSetting("Access:AdminPassword", AdminPassword);
        builder.UseSetting("Access:LoginAttemptsPerMinute", "100000");
        builder.UseSetting("Imports:PollMilliseconds", "50");
        // Hashing is deliberately slow; the tests sign in hundreds of times and are not what it protects against.
        builder.UseSetting("Access:PasswordHashIterations", "1000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddProvider(Logs)
            .AddFilter<LogCapture>(null, LogLevel.Debug));
    }
}
