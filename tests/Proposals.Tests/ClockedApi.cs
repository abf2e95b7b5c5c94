using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Workforce.Proposals.Tests;

/// <summary>The server's clock, held at a moment a test chooses (and running normally otherwise).</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now?.ToUniversalTime() ?? base.GetUtcNow();
}

/// <summary>
/// The Host with a clock tests can set. Accounts sign in while it runs normally; moments chosen are in the past, so
/// their sessions stay valid.
/// </summary>
public sealed class ClockedApi : WorkforceApi
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
