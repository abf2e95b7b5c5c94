using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Users;

/// <summary>What a login name and a password must be.</summary>
internal static partial class AccountRules
{
    public const int MinimumPasswordLength = 10;
    public static readonly Words LoginNameMessage = new(
        "Use 3 to 40 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.",
        "登录名须为 3 至 40 个小写字母、数字或 '.'、'_'、'-'，并以字母或数字开头。");

    public static readonly Words DisplayNameMessage = new("Give the name to show.", "请填写姓名。");

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password123", "password1234", "1234567890", "qwerty12345", "abc1234567", "admin12345", "welcome123",
        "iloveyou123", "1q2w3e4r5t", "a123456789", "woaini1314", "zxcvbnm123", "aa12345678",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,39}$")]
    private static partial Regex LoginName();

    public static string Normalize(string loginName) => loginName.Trim().ToLowerInvariant();

    public static bool IsLoginName(string? loginName) => loginName is not null && LoginName().IsMatch(Normalize(loginName));

    /// <summary>The new password is good enough, and holds no login name where <paramref name="loginName"/> gives one.</summary>
    public static void IsGoodPassword<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> loginName) => rule.Custom((password, context) =>
    {
        if (PasswordProblem(password, loginName(context.InstanceToValidate)) is { } problem)
        {
            context.AddFailure(problem.Said);
        }
    });

    // Letters and digits nobody misreads when copying a password by hand (no 0/O, 1/l/I).
    private const string Readable = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password (about 93 bits) that meets the rules, in four groups to read out: <c>Xk7p-2mQa-…</c>.</summary>
    public static string NewPassword(string? loginName)
    {
        while (true)
        {
            var password = string.Join('-', RandomNumberGenerator.GetItems<char>(Readable, 16).Chunk(4).Select(group => new string(group)));
            if (PasswordProblem(password, loginName) is null)
            {
                return password;
            }
        }
    }

    /// <summary>Why a password is not good enough, or null when it is.</summary>
    public static Words? PasswordProblem(string? password, string? loginName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength || password.Length > 128)
        {
            return new($"Use a password of {MinimumPasswordLength} to 128 characters.", $"密码须为 {MinimumPasswordLength} 至 128 个字符。");
        }
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            return new("Use both letters and digits.", "密码须同时包含字母和数字。");
        }
        if (!string.IsNullOrWhiteSpace(loginName) && password.Contains(Normalize(loginName), StringComparison.OrdinalIgnoreCase))
        {
            return new("The password must not contain the login name.", "密码中不能包含登录名。");
        }
        return Common.Contains(password) ? new Words("This password is too common; choose another.", "此密码过于常见，请另选一个。") : null;
    }
}
