using Microsoft.AspNetCore.Hosting;

namespace Workforce.Access.Tests.Sessions;

/// <summary>The API with a login limit low enough to reach: three attempts a minute.</summary>
public sealed class ThreeLoginsPerMinuteApi : WorkforceApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Access:LoginAttemptsPerMinute", "3");
    }
}

public sealed class LoginRateLimitTests(ThreeLoginsPerMinuteApi api) : IClassFixture<ThreeLoginsPerMinuteApi>
{
    [Fact]
    public async Task Attempts_beyond_the_limit_get_429_with_retry_after_as_a_problem_document_even_with_the_right_password()
    {
        for (var i = 0; i < 3; i++)
        {
            await api.ExpectSignInRefusedAsync("admin", "Wrong-Password-2026");
        }

        var response = await api.LoginAsync("admin", WorkforceApi.AdminPassword);

        await response.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
    }
}
