using Workforce.Directory.Contracts;

namespace Workforce.Access.Grants;

internal sealed record HeldGrant(Role Role, Guid OrganisationId);

/// <summary>What a set of grants lets someone do at one organisation node.</summary>
internal static class GrantedPermissions
{
    /// <summary>
    /// The union over the grants made at the node or above it. An account has its roles' rights only in its own
    /// tenant; in any other (a region's account, seen from one of its enterprises) it has at most what
    /// <see cref="PermissionCatalog.AcrossTenants"/> allows there, wherever its grants were made.
    /// </summary>
    public static IReadOnlySet<string> At(PermissionCatalog catalog, OrganisationPlacement place, Guid accountTenant, IEnumerable<HeldGrant> grants)
    {
        var permissions = new HashSet<string>();
        foreach (var grant in grants.Where(grant => place.Path.Contains(grant.OrganisationId)))
        {
            var granted = catalog.Of(grant.Role);
            permissions.UnionWith(place.TenantId == accountTenant ? granted : granted.Intersect(catalog.AcrossTenants));
        }
        return permissions;
    }
}
