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
        var inChinese = await api.Anonymous().InChinese().PostAsync(AccessApi.Login, new { loginName = "admin", password = WorkforceApi.AdminPassword });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal(("Too many requests.", "Wait a minute before trying a password again."), (problem.Title, problem.Detail));
        var chinese = await inChinese.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal(("请求过于频繁，请稍后再试。", "请等一分钟后再输入密码。"), (chinese.Title, chinese.Detail));
    }
}

public sealed class ChangeOwnPasswordRateLimitTests(ThreeLoginsPerMinuteApi api) : IClassFixture<ThreeLoginsPerMinuteApi>
{
    /// <summary>The administrator's sign-in takes one of the three attempts, two wrong current passwords the others.</summary>
    [Fact]
    public async Task Password_changes_take_from_the_same_limit_as_sign_ins_even_with_the_right_password()
    {
        var admin = await api.AdminAsync();
        for (var i = 0; i < 2; i++)
        {
            await (await admin.PostAsync(AccessApi.MyPassword, new { currentPassword = "Not-My-Password-1", newPassword = "Brand-New-Secret-77" }))
                .ExpectInvalidFieldsAsync("currentPassword");
        }

        var response = await admin.PostAsync(AccessApi.MyPassword, new { currentPassword = WorkforceApi.AdminPassword, newPassword = "Brand-New-Secret-77" });

        await response.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
    }
}
