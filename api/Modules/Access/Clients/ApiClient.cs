using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Clients;

internal enum ApiClientStatus { Active, Revoked }

/// <summary>An integration's credentials as administrators see them: the key itself is shown only when issued.</summary>
internal sealed record ApiClient : IVersioned
{
    public required Guid Id { get; init; }

    /// <summary>The organisation the client acts for.</summary>
    public required Guid OrganisationId { get; init; }

    public required string Name { get; init; }

    /// <summary>The permissions the client has there.</summary>
    public required string[] Scopes { get; init; }

    /// <summary>The start of the key (wf_&lt;prefix&gt;_…), to tell keys apart.</summary>
    public required string KeyPrefix { get; init; }

    public required ApiClientStatus Status { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RotatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = """
        c.id, c.organisation_id, c.name, c.scopes, c.key_prefix, c.status, c.created_by, c.last_used_at, c.rotated_at,
        c.revoked_at, c.version, c.created_at, c.updated_at
        """;

    public static readonly ProblemCode NoSuchClient = new(404, "api_client_not_found", new("The API client was not found.", "未找到该 API 客户端。"));

    /// <summary>Refused by the database's unique names of a tenant's active clients.</summary>
    public static readonly ProblemCode NameTaken = new(409, "api_client_name_taken", new("The name is taken.", "名称已被占用。"));

    public static ProblemException NotFound(Guid id) =>
        NoSuchClient.With(new($"There is no API client {id} in this organisation.", $"本组织没有编号为 {id} 的 API 客户端。"));

    public static async Task<ApiClient> FindForUpdateAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<ApiClient>(
            $"SELECT {Columns} FROM access.api_clients c WHERE c.tenant_id = @Tenant AND c.id = @Id FOR UPDATE",
            new { Tenant = tenant, Id = id }, ct)
        ?? throw NotFound(id);

    /// <summary>Runs a statement that writes one client row (<c>RETURNING *</c>) and reads it back.</summary>
    public static Task<ApiClient> WriteAsync(DbSession db, string writeReturningAll, object parameters, CancellationToken ct) =>
        db.QuerySingleAsync<ApiClient>($"WITH c AS ({writeReturningAll}) SELECT {Columns} FROM c", parameters, ct);
}

/// <summary>A client with its key: the one time the key is shown. Store it now; only its hash is kept.</summary>
internal sealed record IssuedApiClient(ApiClient Client, string Key) : IVersioned
{
    public int Version => Client.Version;
}
