using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Workforce.Access.Users;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Sessions;

internal sealed record Login : ICommand<SignedInUser?>
{
    public string? LoginName { get; init; }
    public string? Password { get; init; }
}

/// <param name="MustChangePassword">An administrator reset the password: the session can do nothing but change it (POST /me/password) until then.</param>
internal sealed record LoginResponse(Guid Id, string LoginName, string DisplayName, string AntiforgeryToken, bool MustChangePassword);

internal sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(c => c.LoginName).NotEmpty().MaximumLength(40);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
    }
}

/// <summary>
/// Checks a password. The refusal says nothing of why (unknown name, wrong password, disabled or locked account) and
/// takes as long either way; wrong passwords count towards a lockout (<see cref="PasswordAttempts"/>). It returns
/// null rather than throwing, so the count survives the refusal.
/// </summary>
internal sealed class LoginHandler(DbSession db, PasswordAttempts attempts, IPasswordHasher<UserAccount> hasher, ILogger<LoginHandler> logger)
    : IRequestHandler<Login, SignedInUser?>
{
    public async Task<SignedInUser?> Handle(Login request, CancellationToken cancellationToken)
    {
        var loginName = AccountRules.Normalize(request.LoginName!);
        var account = await db.QuerySingleOrDefaultAsync<PasswordAccount>(
            $"SELECT {PasswordAccount.Columns} FROM access.users WHERE login_name = @LoginName FOR UPDATE", new { LoginName = loginName }, cancellationToken);
        if (account is null || account.Status != "active")
        {
            logger.LogInformation("Sign-in refused for {LoginName}: {Reason}", loginName, account is null ? "unknown login" : "account disabled");
            attempts.SpendAsLongAsChecking(request.Password!);
            return null;
        }

        var verdict = await attempts.TryAsync(account, request.Password!, "Sign-in", cancellationToken);
        if (verdict is PasswordVerdict.Wrong or PasswordVerdict.Locked)
        {
            return null;
        }
        await db.ExecuteAsync(
            """
            UPDATE access.users
            SET failed_logins = 0, locked_until = NULL, last_login_at = @Now, password_hash = coalesce(@Rehashed, password_hash)
            WHERE tenant_id = @TenantId AND id = @Id
            """,
            new
            {
                Rehashed = verdict == PasswordVerdict.RightButOutdated ? hasher.HashPassword(new UserAccount(), request.Password!) : null,
                account.TenantId,
                account.Id,
            },
            cancellationToken);
        return new SignedInUser(account.TenantId, account.Id, account.LoginName, account.DisplayName, account.SecurityStamp, account.MustChangePassword);
    }
}

internal static class LoginEndpoint
{
    public static readonly ProblemCode InvalidCredentials = new(401, "invalid_credentials", new("Sign-in failed.", "登录失败。"));

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/login", async (Login command, IMediator mediator, HttpContext context, CancellationToken ct) =>
        {
            var user = await mediator.Send(command, ct) ?? throw InvalidCredentials.With(new(
                "Check the login name and password. After repeated failures an account is locked for a while.",
                "请检查登录名和密码。多次失败后，账号会被暂时锁定。"));
            var token = await SessionCookie.SignInAsync(context, user);
            return TypedResults.Ok(new LoginResponse(user.Id, user.LoginName, user.DisplayName, token, user.MustChangePassword));
        })
        .AllowAnonymous()
        .RequireRateLimiting(PasswordAttempts.RateLimit)
        .WithName("Login")
        .WithTags("Sessions")
        .WithSummary("Sign in with login name and password; sets the session cookie and returns the antiforgery token")
        .Produces<LoginResponse>()
        .ProducesProblems(401, 422, 429);
}
