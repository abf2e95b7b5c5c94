using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Users;

/// <summary>The type password hashes are made for: ASP.NET Core's hasher takes one, but ours do not depend on it.</summary>
internal sealed class UserAccount;

internal enum UserStatus { Active, Disabled }

/// <summary>A user account as administrators see it: never its password hash or security stamp.</summary>
internal sealed record User : IVersioned
{
    public required Guid Id { get; init; }

    /// <summary>The organisation (tenant) the account belongs to.</summary>
    public required Guid TenantId { get; init; }

    public required string LoginName { get; init; }
    public required string DisplayName { get; init; }
    public required UserStatus Status { get; init; }

    /// <summary>The Directory worker the account belongs to, if any (representatives, workers).</summary>
    public Guid? WorkerId { get; init; }

    public DateTimeOffset? LastLoginAt { get; init; }

    /// <summary>Set while the account is locked after repeated wrong passwords.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    public IReadOnlyList<UserGrant> Grants { get; init; } = [];
    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = """
        u.id, u.tenant_id, u.login_name, u.display_name, u.status, u.worker_id, u.last_login_at, u.locked_until,
        u.version, u.created_at, u.updated_at
        """;

    public static readonly ProblemCode NoSuchUser = new(404, "user_not_found", new("The user account was not found.", "未找到该用户账号。"));

    /// <summary>Refused by the database's unique login names.</summary>
    public static readonly ProblemCode LoginNameTaken = new(409, "login_name_taken", new("The login name is taken.", "登录名已被占用。"));

    public static ProblemException NotFound(Guid id) =>
        NoSuchUser.With(new($"There is no user {id} in this organisation.", $"本组织没有编号为 {id} 的用户账号。"));

    /// <summary>One of the acting tenant's accounts with its grants; locked for the rest of the transaction when <paramref name="forUpdate"/>.</summary>
    public static async Task<User?> FindAsync(DbSession db, Guid tenant, Guid id, bool forUpdate, CancellationToken ct)
    {
        var user = await db.QuerySingleOrDefaultAsync<User>(
            $"SELECT {Columns} FROM access.users u WHERE u.tenant_id = @Tenant AND u.id = @Id" + (forUpdate ? " FOR UPDATE" : ""),
            new { Tenant = tenant, Id = id }, ct);
        if (user is null)
        {
            return null;
        }
        var grants = await db.QueryAsync<UserGrant>(
            "SELECT id, role, organisation_id, created_at FROM access.grants WHERE tenant_id = @Tenant AND user_id = @Id ORDER BY created_at, id",
            new { Tenant = tenant, Id = id }, ct);
        return user with { Grants = grants };
    }
}

internal sealed record UserGrant
{
    public required Guid Id { get; init; }
    public required Role Role { get; init; }
    public required Guid OrganisationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Who signed in: what the session cookie carries.</summary>
internal sealed record SignedInUser(Guid TenantId, Guid Id, string LoginName, string DisplayName, Guid SecurityStamp);
