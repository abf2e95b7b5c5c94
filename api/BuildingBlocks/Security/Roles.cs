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
/// node's subtree; inside another tenant (the enterprises under a region) it covers only the structure, never the
/// tenant's people or data: see <see cref="AcrossTenants"/>.
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

    /// <summary>
    /// What a grant still gives inside a tenant below the one it was made in: the structure, never its people or
    /// data. (A tenant's first administrator is the one account made from above: see Access's Authority.)
    /// </summary>
    public static IReadOnlySet<string> AcrossTenants { get; } = Set(DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite);

    /// <summary>
    /// What someone does as a party (attends a congress, proposes, handles) is given by whoever runs that work, who
    /// need not do it themselves: the union appoints representatives and handlers without being one.
    /// </summary>
    private static readonly Dictionary<string, string> GivenBy = new()
    {
        [CongressPermissions.Attend] = CongressPermissions.SessionsManage,
        [ProposalsPermissions.Propose] = ProposalsPermissions.Manage,
        [ProposalsPermissions.Handle] = ProposalsPermissions.Manage,
    };

    public static IReadOnlySet<string> PermissionsOf(Role role) => Granted[role];

    /// <summary>The permissions of <paramref name="role"/> that someone holding <paramref name="held"/> cannot give: none, if they may give the role.</summary>
    public static IReadOnlyList<string> BeyondHeld(Role role, IReadOnlySet<string> held) => Granted[role]
        .Where(permission => !held.Contains(permission) && !(GivenBy.TryGetValue(permission, out var by) && held.Contains(by)))
        .Order(StringComparer.Ordinal)
        .ToList();

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

    private static HashSet<string> Set(params string[] permissions) => [.. permissions];
}
