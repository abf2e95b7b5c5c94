namespace Workforce.Directory.Workers;

/// <summary>
/// The 18-character resident identity number (GB 11643-1999): a 6-digit address code, the birth date (yyyyMMdd),
/// a 3-digit sequence whose parity gives the gender (odd: male), and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
internal static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>Why <paramref name="value"/> is not a valid resident ID number, or null when it is.</summary>
    public static Words? Problem(string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new("Give the resident ID number.", "请填写身份证号。");
        }
        var id = Normalize(value);
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
        {
            return new("A resident ID number has 18 characters: 17 digits and a check digit (0-9 or X).", "身份证号为 18 位：17 位数字加 1 位校验码（0-9 或 X）。");
        }
        if (id[0] == '0' || BirthDate(id) is not { } born || born > today || born.Year < 1900)
        {
            return new("This resident ID number does not hold a valid region code and birth date.", "此身份证号中的地区码或出生日期不正确。");
        }
        if (CheckCharacter(id) != id[17])
        {
            return new("The check digit of this resident ID number is wrong; check it for a typing error.", "此身份证号的校验码不对，请检查是否输错。");
        }
        return null;
    }

    public static char CheckCharacter(ReadOnlySpan<char> id)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    public static DateOnly? BirthDate(string id) =>
        id.Length >= 14 && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", out var date) ? date : null;

    public static Gender GenderOf(string id) => (id[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>Region digits and the last four stay visible; the birth date never does: 110***********123X.</summary>
    public static string Mask(string id) => id[..3] + new string('*', 11) + id[^4..];
}
