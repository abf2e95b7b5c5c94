using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Tenancy;

/// <summary>
/// The organisation the request acts for: an enterprise (the tenant of its own data), a region, or the platform.
/// Handlers read it here and nowhere else, so the one place that sets it (today a header, later the signed-in
/// actor) can change without touching them.
/// </summary>
public sealed class CurrentTenant
{
    /// <summary>The root of the organisation tree: the platform operator's own node.</summary>
    public static readonly Guid Platform = new("00000000-0000-7000-8000-000000000001");

    private Guid? _id;

    public Guid Id => _id ?? throw ProblemException.BadRequest("tenant_required",
        $"Say which organisation you act for in the {TenantHeader.Name} header.");

    public bool IsKnown => _id.HasValue;

    public void Set(Guid id) => _id = id;
}
