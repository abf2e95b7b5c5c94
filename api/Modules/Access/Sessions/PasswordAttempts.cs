using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workforce.Access.Users;

namespace Workforce.Access.Sessions;

/// <summary>An account as a password is tried against it.</summary>
internal sealed record PasswordAccount
{
    public const string Columns = "tenant_id, id, login_name, display_name, password_hash, security_stamp, status, failed_logins, locked_until, must_change_password";

    public required Guid TenantId { get; init; }
    public required Guid Id { get; init; }
    public required string LoginName { get; init; }
    public required string DisplayName { get; init; }
    public required string PasswordHash { get; init; }
    public required Guid SecurityStamp { get; init; }
    public required string Status { get; init; }
    public required int FailedLogins { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public required bool MustChangePassword { get; init; }
}

internal enum PasswordVerdict
{
    Right,

    /// <summary>Right, and its stored hash was made with weaker settings than today's: store a new one.</summary>
    RightButOutdated,

    Wrong,

    /// <summary>Not even tried: the account is locked after too many wrong ones.</summary>
    Locked,
}

/// <summary>
/// Every place that asks for an account's password (signing in, changing one's own) tries it here, so that guesses
/// count the same wherever they are made: wrong passwords in a row are counted on the account, and
/// <see cref="AccessOptions.MaxFailedLogins"/> of them lock it for <see cref="AccessOptions.LockoutMinutes"/>, when
/// even the right one is refused. Those places also share the <see cref="RateLimit"/> per client address. A caller
/// holds the account's row (<c>FOR UPDATE</c>), clears the count in its own update after a right password
/// (<c>failed_logins = 0, locked_until = NULL</c>), and must not throw after a wrong one, or the count rolls back
/// with its transaction.
/// </summary>
internal sealed class PasswordAttempts(DbSession db, IPasswordHasher<UserAccount> hasher, IOptions<AccessOptions> options, TimeProvider clock,
    ILogger<PasswordAttempts> logger)
{
    public const string RateLimit = "password-attempts";

    private static readonly UserAccount Account = new();

    // Checked against when there is no password to check, so that refusing takes as long as checking.
    private static string? _decoyHash;

    /// <param name="attempt">What the password was given for, as the log says it: "Sign-in", "Password change".</param>
    public async Task<PasswordVerdict> TryAsync(PasswordAccount account, string password, string attempt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (account.LockedUntil > now)
        {
            logger.LogInformation("{Attempt} refused for {LoginName}: account locked", attempt, account.LoginName);
            SpendAsLongAsChecking(password);
            return PasswordVerdict.Locked;
        }

        var verdict = hasher.VerifyHashedPassword(Account, account.PasswordHash, password);
        if (verdict != PasswordVerificationResult.Failed)
        {
            return verdict == PasswordVerificationResult.SuccessRehashNeeded ? PasswordVerdict.RightButOutdated : PasswordVerdict.Right;
        }
        var failures = account.FailedLogins + 1;
        var locked = failures >= options.Value.MaxFailedLogins;
        logger.LogInformation("{Attempt} refused for {LoginName}: wrong password ({Failures} in a row){Lockout}", attempt, account.LoginName, failures,
            locked ? "; account locked" : "");
        await db.ExecuteAsync(
            "UPDATE access.users SET failed_logins = @Failures, locked_until = @LockedUntil WHERE tenant_id = @TenantId AND id = @Id",
            new
            {
                Failures = locked ? 0 : failures,
                LockedUntil = locked ? now.AddMinutes(options.Value.LockoutMinutes) : (DateTimeOffset?)null,
                account.TenantId,
                account.Id,
            },
            ct);
        return PasswordVerdict.Wrong;
    }

    /// <summary>Hashes the password given against a decoy, for a refusal that must not be told apart by its time.</summary>
    public void SpendAsLongAsChecking(string password)
    {
        _decoyHash ??= hasher.HashPassword(Account, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Account, _decoyHash, password);
    }
}
