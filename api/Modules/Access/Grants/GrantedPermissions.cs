using Workforce.Directory.Contracts;

namespace Workforce.Access.Grants;

internal sealed record HeldGrant(Role Role, Guid OrganisationId);

/// <summary>What a set of grants lets someone do at one organisation node.</summary>
internal static class GrantedPermissions
{
    /// <summary>
    /// The union over the grants made at the node or above it. A grant made above the node's tenant (a region's,
    /// seen from one of its enterprises) gives only what <see cref="Roles.AcrossTenants"/> allows there.
    /// </summary>
    public static IReadOnlySet<string> At(OrganisationPlacement place, IEnumerable<HeldGrant> grants)
    {
        var tenantDepth = place.Path.ToList().IndexOf(place.TenantId);
        var permissions = new HashSet<string>();
        foreach (var grant in grants)
        {
            var depth = place.Path.ToList().IndexOf(grant.OrganisationId);
            if (depth < 0)
            {
                continue;
            }
            var granted = Roles.PermissionsOf(grant.Role);
            permissions.UnionWith(depth >= tenantDepth ? granted : granted.Intersect(Roles.AcrossTenants));
        }
        return permissions;
    }
}
