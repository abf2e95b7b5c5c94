namespace Workforce.Access.Grants;

/// <summary>Roles and kinds of organisation as Chinese refusals name them, as the admin app does (English ones use the API's names).</summary>
internal static class ChineseNames
{
    public static string Of(Role role) => role switch
    {
        Role.PlatformAdmin => "平台管理员",
        Role.RegionAdmin => "区域管理员",
        Role.EnterpriseAdmin => "企业工会管理员",
        Role.Handler => "承办人",
        Role.Representative => "职工代表",
        Role.Worker => "职工",
        _ => role.ToDbText(),
    };

    /// <summary>A kind of organisation node, as Directory names them (platform, region, enterprise, unit, team).</summary>
    public static string OfKind(string kind) => kind switch
    {
        "platform" => "平台",
        "region" => "区域",
        "enterprise" => "企业",
        "unit" => "部门/车间",
        "team" => "班组",
        _ => kind,
    };
}
