namespace Workforce.Directory.Organisations;

/// <summary>Field rules shared by the slices that write organisations.</summary>
internal static class OrganisationRules
{
    public static readonly Words NameMessage = new("Give a name of 1 to 100 characters.", "名称须为 1 至 100 个字符。");
    public static readonly Words TimeZoneMessage = new("Use an IANA time zone such as Asia/Shanghai.", "请填写 IANA 时区，例如 Asia/Shanghai。");
    public static readonly Words TimeZoneOfEnterprise = new("Units and teams keep the time zone of their enterprise.", "部门和班组沿用所属企业的时区，不能单独设置。");

    public static bool BeAName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= 100;

    public static bool BeATimeZone(string timeZone) =>
        timeZone.Contains('/') && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) && found.HasIanaId;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
