using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Security;

public enum ActorKind { Anonymous, User, ApiClient, System }

/// <summary>
/// Who the request acts as (a signed-in user, an API client, or the system itself), for which organisation, and
/// with which permissions there. Resolved once per request by the Access module; handlers read the tenant here and
/// nowhere else, and every query filters by it.
/// </summary>
public sealed class CurrentActor(PermissionCatalog catalog)
{
    private Guid? _tenantId;

    public ActorKind Kind { get; private set; } = ActorKind.Anonymous;
    public Guid? Id { get; private set; }
    public string Name { get; private set; } = "anonymous";

    /// <summary>The tenant the user account or API client itself belongs to (not necessarily the one it acts for).</summary>
    public Guid? HomeTenantId { get; private set; }

    /// <summary>The Directory worker a user account belongs to, if any.</summary>
    public Guid? WorkerId { get; private set; }

    /// <summary>The organisation node the actor acts at (the organisation switcher of the admin UI).</summary>
    public Guid? OrganisationId { get; private set; }

    public IReadOnlySet<string> Permissions { get; private set; } = new HashSet<string>();

    public string? RequestId { get; set; }

    public bool IsAuthenticated => Kind != ActorKind.Anonymous;

    /// <summary>The tenant whose data the actor works on: the enterprise (or region, or platform) it acts for.</summary>
    public Guid TenantId => _tenantId ?? throw Problems.OrganisationRequired.With(new(
        "Say which organisation you act for in the X-Organisation-Id header.", "请在 X-Organisation-Id 请求头中指明您代表哪个组织操作。"));

    public bool ActsForOrganisation => _tenantId.HasValue;

    public bool Has(string permission) => Permissions.Contains(permission);

    public void SignIn(ActorKind kind, Guid? id, string name, Guid homeTenantId, Guid? workerId = null)
    {
        Kind = kind;
        Id = id;
        Name = name;
        HomeTenantId = homeTenantId;
        WorkerId = workerId;
    }

    public void ActAt(Guid organisationId, Guid tenantId, IReadOnlySet<string> permissions)
    {
        OrganisationId = organisationId;
        _tenantId = tenantId;
        Permissions = permissions;
    }

    /// <summary>The platform itself at work (first-run set-up, demo data, background jobs), acting for a tenant with every permission.</summary>
    public void ActAsSystem(Guid tenantId)
    {
        SignIn(ActorKind.System, null, "system", Platform.OrganisationId);
        ActAt(tenantId, tenantId, catalog.All);
    }
}
