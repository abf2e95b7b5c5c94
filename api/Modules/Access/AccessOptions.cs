namespace Workforce.Access;

/// <summary>The <c>Access</c> configuration section.</summary>
internal sealed class AccessOptions
{
    /// <summary>The first platform administrator's password (also from WORKFORCE_ADMIN_PASSWORD); generated when absent.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Sign-in attempts allowed per client address and minute.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Consecutive wrong passwords before an account is locked.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>PBKDF2 iterations for new password hashes; the framework's default when not set.</summary>
    public int? PasswordHashIterations { get; set; }
}
