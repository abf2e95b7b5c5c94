using System.Text.RegularExpressions;

namespace Workforce.Directory.Workers;

/// <summary>A mainland mobile number: 11 digits starting 13-19, written with or without +86, spaces or dashes.</summary>
internal static partial class PhoneNumber
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var digits = value.Trim().Replace(" ", "").Replace("-", "");
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        return digits;
    }

    public static bool IsValid(string? value) => value is null || Normalize(value) is not { } phone || Mobile().IsMatch(phone);

    public static string Mask(string phone) => phone[..3] + "****" + phone[^4..];
}
