using System.Globalization;

namespace Workforce.BuildingBlocks.Text;

/// <summary>
/// What the API says to people, in both languages it speaks: Chinese to a caller whose Accept-Language prefers it,
/// English to everyone else (an HR system that does not ask). Whatever is said to a person is written as Words, so
/// nothing can be said in English only.
/// </summary>
public readonly record struct Words(string English, string Chinese)
{
    public static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>Whether this request (or the job acting for one) speaks Chinese: <see cref="CultureInfo.CurrentUICulture"/>.</summary>
    public static bool InChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public string Said => InChinese ? Chinese : English;

    public override string ToString() => Said;

    /// <summary>The language of <paramref name="language"/> (a tag such as <c>zh-CN</c> or <c>en</c>): Chinese for any zh tag, else English.</summary>
    public static CultureInfo CultureOf(string? language) =>
        language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ChineseCulture : EnglishCulture;
}
