using Workforce.BuildingBlocks.Modules;

namespace Workforce.BuildingBlocks.Security;

/// <summary>
/// Every permission an endpoint can require and the map from role to permissions that endpoints are checked against,
/// put together from what each module declares. A grant covers its node's subtree; inside another tenant (the
/// enterprises under a region) it covers only the structure, never the tenant's people or data: see
/// <see cref="AcrossTenants"/>.
/// </summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<Role, IReadOnlySet<string>> _granted;
    private readonly Dictionary<string, string> _givenBy;

    public PermissionCatalog(IEnumerable<IModule> modules)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        var granted = Enum.GetValues<Role>().ToDictionary(role => role, _ => new HashSet<string>(StringComparer.Ordinal));
        var acrossTenants = new HashSet<string>(StringComparer.Ordinal);
        _givenBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            var declared = module.Permissions;
            foreach (var permission in declared.Declared)
            {
                if (!permission.StartsWith(module.Name + ".", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The {module.Name} module declares {permission}, which is not led by \"{module.Name}.\".");
                }
                if (!all.Add(permission))
                {
                    throw new InvalidOperationException($"{permission} is declared twice.");
                }
            }
            var own = declared.Declared.ToHashSet(StringComparer.Ordinal);
            void RequireOwn(string permission, string use)
            {
                if (!own.Contains(permission))
                {
                    throw new InvalidOperationException($"The {module.Name} module {use} {permission}, which it does not declare.");
                }
            }
            foreach (var (role, permissions) in declared.Grants)
            {
                permissions.ToList().ForEach(permission => RequireOwn(permission, $"grants the {role} role"));
                granted[role].UnionWith(permissions);
            }
            foreach (var (party, by) in declared.GivenBy)
            {
                RequireOwn(party, "has someone give");
                RequireOwn(by, "lets a party's permission be given by");
                _givenBy.Add(party, by);
            }
            declared.AcrossTenants.ToList().ForEach(permission => RequireOwn(permission, "keeps across tenants"));
            acrossTenants.UnionWith(declared.AcrossTenants);
        }
        All = all;
        AcrossTenants = acrossTenants;
        _granted = granted.ToDictionary(entry => entry.Key, entry => (IReadOnlySet<string>)entry.Value);
    }

    public IReadOnlySet<string> All { get; }

    /// <summary>
    /// What a grant still gives inside a tenant below the one it was made in: the structure, never its people or
    /// data. (A tenant's first administrator is the one account made from above: see Access's Authority.)
    /// </summary>
    public IReadOnlySet<string> AcrossTenants { get; }

    public IReadOnlySet<string> Of(Role role) => _granted[role];

    /// <summary>The permissions of <paramref name="role"/> that someone holding <paramref name="held"/> cannot give: none, if they may give the role.</summary>
    public IReadOnlyList<string> BeyondHeld(Role role, IReadOnlySet<string> held) => _granted[role]
        .Where(permission => !held.Contains(permission) && !(_givenBy.TryGetValue(permission, out var by) && held.Contains(by)))
        .Order(StringComparer.Ordinal)
        .ToList();
}
