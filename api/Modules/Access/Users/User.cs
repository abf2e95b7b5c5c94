using Workforce.BuildingBlocks.Text;
using Workforce.Directory.Contracts;

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

    /// <summary>Who that worker is, for a caller who may read the enterprise's workers.</summary>
    public LinkedWorker? Worker { get; init; }

    public DateTimeOffset? LastLoginAt { get; init; }

    /// <summary>Set while the account is locked after repeated wrong passwords.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>Its password was reset: until the user chooses their own, the account can do nothing else.</summary>
    public required bool MustChangePassword { get; init; }

    public IReadOnlyList<UserGrant> Grants { get; init; } = [];
    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = """
        u.id, u.tenant_id, u.login_name, u.display_name, u.status, u.worker_id, u.last_login_at, u.locked_until,
        u.must_change_password, u.version, u.created_at, u.updated_at
        """;

    public static readonly ProblemCode NoSuchUser = new(404, "user_not_found", new("The user account was not found.", "未找到该用户账号。"));

    /// <summary>Refused by the database's unique login names.</summary>
    public static readonly ProblemCode LoginNameTaken = new(409, "login_name_taken", new("The login name is taken.", "登录名已被占用。"));

    /// <summary>Refused by the database's one account per worker.</summary>
    public static readonly ProblemCode WorkerAlreadyLinked = new(409, "worker_already_linked",
        new("The worker already has an account.", "该职工已有账号。"));

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

    /// <summary>One of the acting tenant's accounts as it now stands, with its grants and its worker: what a change answers.</summary>
    public static async Task<User> ReadAsync(DbSession db, IMediator mediator, CurrentActor actor, Guid tenant, Guid id, CancellationToken ct) =>
        (await WithWorkersAsync(mediator, actor, [(await FindAsync(db, tenant, id, forUpdate: false, ct))!], ct))[0];

    /// <summary>
    /// The accounts with who their workers are, asked of Directory in one request, when the actor may read the workers
    /// of the tenant it acts for (the accounts' own).
    /// </summary>
    public static async Task<IReadOnlyList<User>> WithWorkersAsync(IMediator mediator, CurrentActor actor, IReadOnlyList<User> users, CancellationToken ct)
    {
        var workerIds = users.Where(u => u.WorkerId is not null && u.TenantId == actor.TenantId).Select(u => u.WorkerId!.Value).ToList();
        if (workerIds.Count == 0 || !actor.Has(WorkerLink.ReadWorkers))
        {
            return users;
        }
        var workers = (await mediator.Send(new FindWorkers(workerIds), ct)).ToDictionary(w => w.Id);
        return users.Select(u => u.WorkerId is { } worker && workers.TryGetValue(worker, out var found)
            ? u with { Worker = new LinkedWorker(found.Id, found.Name, found.EmployeeNumber, found.UnitName) }
            : u).ToList();
    }
}

/// <summary>The worker an account belongs to, as Directory names them.</summary>
internal sealed record LinkedWorker(Guid Id, string Name, string EmployeeNumber, string UnitName);

internal sealed record UserGrant
{
    public required Guid Id { get; init; }
    public required Role Role { get; init; }
    public required Guid OrganisationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Who signed in: what the session cookie carries, and whether they must choose their own password first.</summary>
internal sealed record SignedInUser(Guid TenantId, Guid Id, string LoginName, string DisplayName, Guid SecurityStamp, bool MustChangePassword = false);
