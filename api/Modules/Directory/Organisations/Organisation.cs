using System.Text.Json.Serialization;

namespace Workforce.Directory.Organisations;

internal enum OrganisationKind { Platform, Region, Enterprise, Unit, Team }

internal enum OrganisationStatus { Active, Inactive }

/// <summary>A node of the organisation tree, as the API shows it.</summary>
internal sealed record Organisation : IVersioned
{
    public required Guid Id { get; init; }

    /// <summary>The tenant the node belongs to: itself for platform, regions and enterprises; its enterprise for units and teams.</summary>
    [JsonIgnore]
    public Guid TenantId { get; init; }

    public Guid? ParentId { get; init; }
    public required OrganisationKind Kind { get; init; }
    public required string Name { get; init; }
    public string? Code { get; init; }

    /// <summary>IANA time zone of a region or enterprise; deadlines are computed in it.</summary>
    public string? TimeZone { get; init; }

    public required OrganisationStatus Status { get; init; }

    /// <summary>Ids from the root of the tree down to this node.</summary>
    public required Guid[] Path { get; init; }

    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = "o.tenant_id, o.id, o.parent_id, o.kind, o.name, o.code, o.time_zone, o.status, o.path, o.version, o.created_at, o.updated_at";

    /// <summary>
    /// What the acting organisation (@Tenant) sees of the tree: its own subtree, but of other tenants inside it (the
    /// enterprises under a region) only the region and enterprise nodes, never their internal units.
    /// </summary>
    public const string VisibleToTenant = "o.path @> ARRAY[@Tenant]::uuid[] AND (o.tenant_id = @Tenant OR o.kind IN ('region', 'enterprise'))";

    public const string DefaultTimeZone = EnterpriseCalendar.DefaultTimeZone;

    public int Depth => Path.Length - 1;

    /// <summary>Which kinds of node may sit under which: platform → region (nested) → enterprise → unit (nested) → team.</summary>
    public static bool MayHaveParent(OrganisationKind kind, OrganisationKind parent) => (kind, parent) switch
    {
        (OrganisationKind.Region, OrganisationKind.Platform or OrganisationKind.Region) => true,
        (OrganisationKind.Enterprise, OrganisationKind.Platform or OrganisationKind.Region) => true,
        (OrganisationKind.Unit, OrganisationKind.Enterprise or OrganisationKind.Unit) => true,
        (OrganisationKind.Team, OrganisationKind.Enterprise or OrganisationKind.Unit) => true,
        _ => false,
    };

    public static Words PlacementRule(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Region => new("A region goes under the platform or another region.", "区域只能设在平台或其他区域之下。"),
        OrganisationKind.Enterprise => new("An enterprise goes under the platform or a region.", "企业只能设在平台或区域之下。"),
        OrganisationKind.Unit => new("A unit goes under an enterprise or another unit.", "部门只能设在企业或其他部门之下。"),
        OrganisationKind.Team => new("A team goes under an enterprise or a unit.", "班组只能设在企业或部门之下。"),
        _ => new("The platform is the root of the tree.", "平台是组织树的根。"),
    };

    /// <summary>Whether a node of this kind is its own tenant (and owns the rows filed under it).</summary>
    public static bool IsTenantRoot(OrganisationKind kind) => kind is OrganisationKind.Platform or OrganisationKind.Region or OrganisationKind.Enterprise;

    private static readonly ProblemCode NotFoundCode = new(404, "organisation_not_found", new("The organisation was not found.", "未找到该组织。"));

    private static readonly ProblemCode NameTakenCode = new(409, "organisation_name_taken", new("The name is already taken.", "名称已被占用。"));

    public static readonly ProblemCode IsRoot = new(409, "organisation_is_root", new("The platform is the root of the tree.", "平台是组织树的根。"));

    public static readonly ProblemCode Inactive = new(409, "organisation_inactive", new("The organisation is deactivated.", "该组织已停用。"));

    public static Words NoneVisible(Guid? id) => new($"There is no organisation {id} that you can see.", $"没有您可查看的组织 {id}。");

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(NoneVisible(id));

    public static ProblemException NameTaken() => NameTakenCode.With(
        new("Another active organisation under the same parent already has this name.", "同一上级下已有同名的在用组织。"),
        new Dictionary<string, string[]> { ["name"] = [new Words("This name is already used under the same parent.", "同一上级下已有此名称。").Said] });

    /// <summary>A node the acting tenant can see; locked for the rest of the transaction when <paramref name="forUpdate"/>.</summary>
    public static Task<Organisation?> FindVisibleAsync(DbSession db, Guid id, Guid tenant, bool forUpdate, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<Organisation>(
            $"SELECT {Columns} FROM directory.organisations o WHERE o.id = @Id AND {VisibleToTenant}" + (forUpdate ? " FOR UPDATE" : ""),
            new { Id = id, Tenant = tenant }, ct);

    /// <summary>Whether an active sibling under <paramref name="parentId"/> already has the name; the unique index backs this up inside one tenant.</summary>
    public static async Task<bool> SiblingHasNameAsync(DbSession db, Guid parentId, string name, Guid? except, CancellationToken ct) =>
        await db.ExecuteScalarAsync<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM directory.organisations
                           WHERE parent_id = @ParentId AND name = @Name AND status = 'active' AND id IS DISTINCT FROM @Except)
            """,
            new { ParentId = parentId, Name = name, Except = except }, ct);
}
