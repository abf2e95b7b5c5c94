namespace Workforce.BuildingBlocks.Security;

/// <summary>What a grant makes someone: a role at an organisation node, covering its subtree. Modules say what each role may do in them (<see cref="PermissionCatalog"/>).</summary>
public enum Role { PlatformAdmin, RegionAdmin, EnterpriseAdmin, Handler, Representative, Worker }

public static class Roles
{
    /// <summary>The role that administers a tenant of this kind, if it is one.</summary>
    public static Role? AdministratorOf(string tenantKind) => tenantKind switch
    {
        "platform" => Role.PlatformAdmin,
        "region" => Role.RegionAdmin,
        "enterprise" => Role.EnterpriseAdmin,
        _ => null,
    };

    /// <summary>Where each role can be granted: node kinds as Directory names them.</summary>
    public static bool MayBeGrantedAt(Role role, string organisationKind) => (role, organisationKind) switch
    {
        (Role.PlatformAdmin, "platform") => true,
        (Role.RegionAdmin, "region") => true,
        (Role.EnterpriseAdmin, "enterprise") => true,
        (Role.Handler, "enterprise" or "unit" or "team") => true,
        (Role.Representative or Role.Worker, "enterprise") => true,
        _ => false,
    };
}
