using System.Text.RegularExpressions;

namespace Workforce.Access.Users;

/// <summary>What a login name and a password must be.</summary>
internal static partial class AccountRules
{
    public const int MinimumPasswordLength = 10;
    public const string LoginNameMessage = "Use 3 to 40 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.";

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password123", "password1234", "1234567890", "qwerty12345", "abc1234567", "admin12345", "welcome123",
        "iloveyou123", "1q2w3e4r5t", "a123456789", "woaini1314", "zxcvbnm123", "aa12345678",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,39}$")]
    private static partial Regex LoginName();

    public static string Normalize(string loginName) => loginName.Trim().ToLowerInvariant();

    public static bool IsLoginName(string? loginName) => loginName is not null && LoginName().IsMatch(Normalize(loginName));

    /// <summary>Why a password is not good enough, or null when it is.</summary>
    public static string? PasswordProblem(string? password, string? loginName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength || password.Length > 128)
        {
            return $"Use a password of {MinimumPasswordLength} to 128 characters.";
        }
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            return "Use both letters and digits.";
        }
        if (!string.IsNullOrWhiteSpace(loginName) && password.Contains(Normalize(loginName), StringComparison.OrdinalIgnoreCase))
        {
            return "The password must not contain the login name.";
        }
        return Common.Contains(password) ? "This password is too common; choose another." : null;
    }
}
