using CongressPermissions = Workforce.BuildingBlocks.Security.Permissions.Congress;
using AccessPermissions = Workforce.BuildingBlocks.Security.Permissions.Access;
using DirectoryPermissions = Workforce.BuildingBlocks.Security.Permissions.Directory;
using IntegrationPermissions = Workforce.BuildingBlocks.Security.Permissions.Integration;
using ProposalsPermissions = Workforce.BuildingBlocks.Security.Permissions.Proposals;

namespace Workforce.BuildingBlocks.Security;

/// <summary>What a grant makes someone: a role at an organisation node, covering its subtree.</summary>
public enum Role { PlatformAdmin, RegionAdmin, EnterpriseAdmin, Handler, Representative, Worker }

/// <summary>
/// The static map from role to permissions that every module's endpoints are checked against. A grant covers its
/// node's subtree; inside another tenant (the enterprises under a region) it covers only the structure and the
/// administrators, never the tenant's own data: see <see cref="AcrossTenants"/>.
/// </summary>
public static class Roles
{
    private static readonly Dictionary<Role, IReadOnlySet<string>> Granted = new()
    {
        [Role.PlatformAdmin] = Set(DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite,
            AccessPermissions.UsersRead, AccessPermissions.UsersWrite, AccessPermissions.ClientsManage, AccessPermissions.AuditRead),
        [Role.RegionAdmin] = Set(DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite,
            AccessPermissions.UsersRead, AccessPermissions.UsersWrite, AccessPermissions.ClientsManage, AccessPermissions.AuditRead,
            ProposalsPermissions.AwardsManage, ProposalsPermissions.AwardsReview),
        [Role.EnterpriseAdmin] = Set(DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite,
            DirectoryPermissions.WorkersRead, DirectoryPermissions.WorkersWrite, DirectoryPermissions.RepresentativesRead, DirectoryPermissions.RepresentativesWrite,
            AccessPermissions.UsersRead, AccessPermissions.UsersWrite, AccessPermissions.ClientsManage, AccessPermissions.AuditRead,
            IntegrationPermissions.EventsRead, IntegrationPermissions.WebhooksManage,
            CongressPermissions.SessionsRead, CongressPermissions.SessionsManage,
            ProposalsPermissions.Read, ProposalsPermissions.Manage),
        [Role.Handler] = Set(DirectoryPermissions.OrganisationsRead, ProposalsPermissions.Handle),
        [Role.Representative] = Set(DirectoryPermissions.OrganisationsRead, DirectoryPermissions.RepresentativesRead, CongressPermissions.Attend,
            ProposalsPermissions.Propose),
        [Role.Worker] = Set(DirectoryPermissions.OrganisationsRead),
    };

    /// <summary>What a grant still gives inside a tenant below the one it was made in.</summary>
    public static IReadOnlySet<string> AcrossTenants { get; } = Set(
        DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite, AccessPermissions.UsersRead, AccessPermissions.UsersWrite);

    public static IReadOnlySet<string> PermissionsOf(Role role) => Granted[role];

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

    private static HashSet<string> Set(params string[] permissions) => [.. permissions];
}
