using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Workforce.Access.Authentication;

/// <summary>
/// API keys look like <c>wf_3f9a1c0b7d2e_&lt;43 characters&gt;</c>: a public lookup prefix and a 256-bit secret. Only a
/// SHA-256 hash of the whole key is stored (the secret is random, so a slow hash adds nothing).
/// </summary>
internal static class ApiKey
{
    private const string Marker = "wf_";
    private const int LookupLength = 12;

    public sealed record Issued(string Key, string LookupPrefix, byte[] Hash);

    public static Issued Issue()
    {
        var lookup = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(LookupLength / 2));
        var key = $"{Marker}{lookup}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        return new Issued(key, lookup, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The lookup prefix of something shaped like one of our keys, or null.</summary>
    public static string? LookupPrefixOf(string key) =>
        key.Length > Marker.Length + LookupLength + 1 && key.StartsWith(Marker, StringComparison.Ordinal) && key[Marker.Length + LookupLength] == '_'
            ? key.Substring(Marker.Length, LookupLength)
            : null;
}

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c>. A revoked or rotated key fails on its very next use: nothing is cached.</summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    NpgsqlDataSource dataSource) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private sealed record Client
    {
        public required Guid TenantId { get; init; }
        public required Guid Id { get; init; }
        public required Guid OrganisationId { get; init; }
        public required string Name { get; init; }
        public required string[] Scopes { get; init; }
        public required byte[] KeyHash { get; init; }
        public required string Status { get; init; }
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var key = header["Bearer ".Length..].Trim();
        if (ApiKey.LookupPrefixOf(key) is not { } prefix)
        {
            return AuthenticateResult.Fail("Not an API key.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(Context.RequestAborted);
        var client = await connection.QuerySingleOrDefaultAsync<Client>(new CommandDefinition(
            """
            SELECT tenant_id, id, organisation_id, name, scopes, key_hash, status
            FROM access.api_clients WHERE key_prefix = @Prefix
            """,
            new { Prefix = prefix }, cancellationToken: Context.RequestAborted));
        if (client is null || client.Status != "active" || !CryptographicOperations.FixedTimeEquals(ApiKey.Hash(key), client.KeyHash))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        // At most one write a minute per client: last use is for people, not for accounting.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE access.api_clients SET last_used_at = @Now
            WHERE tenant_id = @TenantId AND id = @Id AND (last_used_at IS NULL OR last_used_at < @Now - interval '1 minute')
            """,
            new { client.TenantId, client.Id, Now = Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() }, cancellationToken: Context.RequestAborted));

        var identity = new ClaimsIdentity(
            client.Scopes.Select(scope => new Claim(AccessSchemes.ScopeClaim, scope)).Concat(
            [
                new Claim(ClaimTypes.NameIdentifier, client.Id.ToString()),
                new Claim(ClaimTypes.Name, client.Name),
                new Claim(AccessSchemes.TenantClaim, client.TenantId.ToString()),
                new Claim(AccessSchemes.OrganisationClaim, client.OrganisationId.ToString()),
            ]),
            AccessSchemes.ApiKey);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), AccessSchemes.ApiKey));
    }
}
