using Microsoft.AspNetCore.Identity;
using Workforce.Access.Authentication;
using Workforce.Access.Users;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Sessions;

/// <summary>
/// A signed-in user changes their own password; every other session of theirs ends. The current password is tried as
/// signing in tries it (<see cref="PasswordAttempts"/>): wrong ones count towards the same lockout, under the same rate limit.
/// After an administrator's reset this is what the account must do first, and the new password must not be the reset one.
/// </summary>
internal sealed record ChangeOwnPassword : ICommand<PasswordChange>
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }
}

/// <summary>The session to renew when the password was changed; otherwise why the current password was refused.</summary>
internal sealed record PasswordChange(SignedInUser? User, PasswordVerdict Verdict, DateTimeOffset? LockedUntil);

internal sealed class ChangeOwnPasswordValidator : AbstractValidator<ChangeOwnPassword>
{
    public ChangeOwnPasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128);
        RuleFor(c => c.NewPassword).IsGoodPassword(_ => null);
    }
}

/// <summary>Returns a refusal rather than throwing it, so that a wrong password's count is kept.</summary>
internal sealed class ChangeOwnPasswordHandler(DbSession db, CurrentActor actor, PasswordAttempts attempts, IPasswordHasher<UserAccount> hasher)
    : IRequestHandler<ChangeOwnPassword, PasswordChange>
{
    public async Task<PasswordChange> Handle(ChangeOwnPassword request, CancellationToken cancellationToken)
    {
        if (actor.Kind != ActorKind.User)
        {
            throw Problems.Forbidden.With(new("Only people have passwords: API clients authenticate with their key.", "只有人员账号才有密码；API 客户端凭密钥认证。"));
        }
        var account = await db.QuerySingleAsync<PasswordAccount>(
            $"SELECT {PasswordAccount.Columns} FROM access.users WHERE tenant_id = @Tenant AND id = @Id FOR UPDATE",
            new { Tenant = actor.HomeTenantId, actor.Id }, cancellationToken);
        var verdict = await attempts.TryAsync(account, request.CurrentPassword!, "Password change", cancellationToken);
        if (verdict is PasswordVerdict.Wrong or PasswordVerdict.Locked)
        {
            return new PasswordChange(null, verdict, account.LockedUntil);
        }
        if (AccountRules.PasswordProblem(request.NewPassword, account.LoginName) is { } problem)
        {
            throw ProblemException.Invalid("newPassword", problem);
        }
        if (request.NewPassword == request.CurrentPassword)
        {
            throw ProblemException.Invalid("newPassword", new Words("Choose a password other than your current one.", "新密码不能与当前密码相同。"));
        }
        var stamp = Guid.NewGuid();
        await db.ExecuteAsync(
            """
            UPDATE access.users
            SET password_hash = @Hash, security_stamp = @Stamp, failed_logins = 0, locked_until = NULL, must_change_password = false,
                version = version + 1, updated_at = @Now
            WHERE tenant_id = @TenantId AND id = @Id
            """,
            new { Hash = hasher.HashPassword(new UserAccount(), request.NewPassword!), Stamp = stamp, account.TenantId, account.Id }, cancellationToken);
        return new PasswordChange(new SignedInUser(account.TenantId, account.Id, account.LoginName, account.DisplayName, stamp), verdict, null);
    }
}

internal static class ChangeOwnPasswordEndpoint
{
    public static readonly ProblemCode AccountLocked = new(429, "account_locked", new("Too many wrong passwords.", "密码错误次数过多。"));

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/me/password", async (ChangeOwnPassword command, IMediator mediator, HttpContext context, CancellationToken ct) =>
        {
            var change = await mediator.Send(command, ct);
            if (change.User is null)
            {
                throw change.Verdict == PasswordVerdict.Locked
                    ? new ProblemException(AccountLocked, new Words(
                        "After repeated wrong passwords the account is locked for a while; try again later.",
                        "因多次输错密码，账号已被暂时锁定，请稍后再试。"))
                    {
                        Extensions = new Dictionary<string, object> { ["lockedUntil"] = change.LockedUntil! },
                    }
                    : ProblemException.Invalid("currentPassword", new Words("This is not your current password.", "当前密码不正确。"));
            }
            await SessionCookie.SignInAsync(context, change.User);
            return TypedResults.NoContent();
        })
        .RequireRateLimiting(PasswordAttempts.RateLimit)
        .AllowedBeforeOwnPassword()
        .WithName("ChangeOwnPassword")
        .WithTags("Sessions")
        .WithSummary("Change your own password; your other sessions end. Wrong current passwords count towards the sign-in lockout")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblems(401, 403, 422, 429);
}
