using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workforce.Access.Users;

namespace Workforce.Access.Sessions;

internal sealed record Login : ICommand<SignedInUser?>
{
    public string? LoginName { get; init; }
    public string? Password { get; init; }
}

internal sealed record LoginResponse(Guid Id, string LoginName, string DisplayName, string AntiforgeryToken);

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
/// takes as long either way; wrong passwords are counted, and enough in a row lock the account for a while. It
/// returns null rather than throwing, so the count survives the refusal.
/// </summary>
internal sealed class LoginHandler(DbSession db, IPasswordHasher<UserAccount> hasher, IOptions<AccessOptions> options, TimeProvider clock,
    ILogger<LoginHandler> logger) : IRequestHandler<Login, SignedInUser?>
{
    private static readonly UserAccount Account = new();

    // Checked against when there is no password to check, so that refusing takes as long as checking.
    private static string? _decoyHash;

    private sealed record Candidate
    {
        public required Guid TenantId { get; init; }
        public required Guid Id { get; init; }
        public required string LoginName { get; init; }
        public required string DisplayName { get; init; }
        public required string PasswordHash { get; init; }
        public required Guid SecurityStamp { get; init; }
        public required string Status { get; init; }
        public required int FailedLogins { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
    }

    public async Task<SignedInUser?> Handle(Login request, CancellationToken cancellationToken)
    {
        var candidate = await db.QuerySingleOrDefaultAsync<Candidate>(
            """
            SELECT tenant_id, id, login_name, display_name, password_hash, security_stamp, status, failed_logins, locked_until
            FROM access.users WHERE login_name = @LoginName FOR UPDATE
            """,
            new { LoginName = AccountRules.Normalize(request.LoginName!) }, cancellationToken);
        var now = clock.GetUtcNow();
        if (candidate is null || candidate.Status != "active" || candidate.LockedUntil > now)
        {
            logger.LogInformation("Sign-in refused for {LoginName}: {Reason}", AccountRules.Normalize(request.LoginName!),
                candidate is null ? "unknown login" : candidate.Status != "active" ? "account disabled" : "account locked");
            _decoyHash ??= hasher.HashPassword(Account, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Account, _decoyHash, request.Password!);
            return null;
        }

        var verdict = hasher.VerifyHashedPassword(Account, candidate.PasswordHash, request.Password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = candidate.FailedLogins + 1;
            var locked = failures >= options.Value.MaxFailedLogins;
            logger.LogInformation("Sign-in refused for {LoginName}: wrong password ({Failures} in a row){Lockout}", candidate.LoginName, failures,
                locked ? "; account locked" : "");
            await db.ExecuteAsync(
                "UPDATE access.users SET failed_logins = @Failures, locked_until = @LockedUntil WHERE tenant_id = @TenantId AND id = @Id",
                new
                {
                    Failures = locked ? 0 : failures,
                    LockedUntil = locked ? now.AddMinutes(options.Value.LockoutMinutes) : (DateTimeOffset?)null,
                    candidate.TenantId,
                    candidate.Id,
                },
                cancellationToken);
            return null;
        }

        await db.ExecuteAsync(
            """
            UPDATE access.users
            SET failed_logins = 0, locked_until = NULL, last_login_at = now(), password_hash = coalesce(@Rehashed, password_hash)
            WHERE tenant_id = @TenantId AND id = @Id
            """,
            new
            {
                Rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(Account, request.Password!) : null,
                candidate.TenantId,
                candidate.Id,
            },
            cancellationToken);
        return new SignedInUser(candidate.TenantId, candidate.Id, candidate.LoginName, candidate.DisplayName, candidate.SecurityStamp);
    }
}

internal static class LoginEndpoint
{
    public const string RateLimit = "login";

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/login", async (Login command, IMediator mediator, HttpContext context, CancellationToken ct) =>
        {
            var user = await mediator.Send(command, ct) ?? throw new ProblemException(401, "invalid_credentials",
                "Sign-in failed.", "Check the login name and password. After repeated failures an account is locked for a while.");
            var token = await SessionCookie.SignInAsync(context, user);
            return TypedResults.Ok(new LoginResponse(user.Id, user.LoginName, user.DisplayName, token));
        })
        .AllowAnonymous()
        .RequireRateLimiting(RateLimit)
        .WithName("Login")
        .WithTags("Sessions")
        .WithSummary("Sign in with login name and password; sets the session cookie and returns the antiforgery token")
        .Produces<LoginResponse>()
        .ProducesProblems(401, 422, 429);
}
