namespace Workforce.Directory.Organisations;

/// <summary>Field rules shared by the slices that write organisations.</summary>
internal static class OrganisationRules
{
    public const string NameMessage = "Give a name of 1 to 100 characters.";
    public const string TimeZoneMessage = "Use an IANA time zone such as Asia/Shanghai.";

    public static bool BeAName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= 100;

    public static bool BeATimeZone(string timeZone) =>
        timeZone.Contains('/') && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) && found.HasIanaId;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
