using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Npgsql;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Protection;
using Workforce.BuildingBlocks.Security;

namespace Workforce.BuildingBlocks.Http;

/// <summary>
/// <c>Idempotency-Key</c> on a POST or PATCH (IETF httpapi draft): the first request with a key is carried out and its
/// answer kept for 24 hours; the same key with the same request gets that answer again (marked Idempotent-Replayed),
/// with another request 422, and while the first is still running 409. Keys belong to the caller, so two
/// integrations cannot collide. A 5xx answer is not kept: the request may be tried again. Answers are kept sealed,
/// since some hold what is shown only once (a new API key).
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Keys guard requests whose body can be held to compare; bulk uploads are made safe to repeat otherwise.</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly string[] KeptHeaders = [HeaderNames.Location, HeaderNames.ETag, HeaderNames.ContentType];

    private sealed record Stored
    {
        public required byte[] Fingerprint { get; init; }
        public required string Status { get; init; }
        public int? ResponseStatus { get; init; }
        public string? ResponseHeaders { get; init; }
        public byte[]? ResponseBody { get; init; }
        public byte[]? ResponseCipher { get; init; }
    }

    /// <summary>Endpoint metadata: requests and answers of this endpoint must never be stored (a ballot and its receipt).</summary>
    public sealed record KeepsNoAnswers;

    /// <summary>The endpoint ignores Idempotency-Key: nothing of its requests or answers is kept, not even a fingerprint.</summary>
    public static TBuilder KeepNoAnswers<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new KeepsNoAnswers());

    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var offered = context.Request.Headers[Header].ToString();
        var method = context.Request.Method;
        if (offered.Length == 0 || !(HttpMethods.IsPost(method) || HttpMethods.IsPatch(method))
            || context.GetEndpoint()?.Metadata.GetMetadata<KeepsNoAnswers>() is not null)
        {
            await next();
            return;
        }
        var actor = context.RequestServices.GetRequiredService<CurrentActor>();
        if (!actor.IsAuthenticated || !actor.ActsForOrganisation)
        {
            await next();
            return;
        }
        var key = offered.Trim().Trim('"');
        if (key.Length is 0 or > 255 || key.Any(char.IsControl))
        {
            throw Problems.IdempotencyKeyInvalid.With(new($"{Header} must be 1 to 255 printable characters.", $"{Header} 须为 1 到 255 个可打印字符。"));
        }
        var body = await BufferBodyAsync(context.Request);
        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{context.Request.Path}{context.Request.QueryString}\n").Concat(body).ToArray());
        var dataSource = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var sensitive = context.RequestServices.GetRequiredService<SensitiveData>();
        var id = new { Tenant = actor.TenantId, Caller = actor.Id ?? Guid.Empty, Key = key };

        if (await ClaimAsync(dataSource, id, fingerprint) is { } earlier)
        {
            await AnswerAgainAsync(context, earlier, fingerprint, sensitive);
            return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            try
            {
                await next();
            }
            catch (Exception error)
            {
                await ProblemResponses.WriteAsync(context, error);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            if (context.Response.StatusCode >= 500)
            {
                await connection.ExecuteAsync(
                    "DELETE FROM shared.idempotency_keys WHERE tenant_id = @Tenant AND caller_id = @Caller AND key = @Key", id);
            }
            else
            {
                await connection.ExecuteAsync(
                    """
                    UPDATE shared.idempotency_keys
                    SET status = 'completed', response_status = @Status, response_headers = @Headers::jsonb, response_cipher = @Cipher
                    WHERE tenant_id = @Tenant AND caller_id = @Caller AND key = @Key
                    """,
                    new
                    {
                        id.Tenant, id.Caller, id.Key,
                        Status = context.Response.StatusCode,
                        Headers = JsonSerializer.Serialize(KeptHeaders
                            .Where(name => context.Response.Headers.ContainsKey(name))
                            .ToDictionary(name => name, name => context.Response.Headers[name].ToString())),
                        Cipher = sensitive.Seal(captured.GetBuffer().AsSpan(0, (int)captured.Length)),
                    });
            }
        }
        captured.Position = 0;
        await captured.CopyToAsync(original);
    });

    /// <summary>Makes the key ours (null), or returns what an earlier request with it left. A lapsed key is forgotten first.</summary>
    private static async Task<Stored?> ClaimAsync(NpgsqlDataSource dataSource, object id, byte[] fingerprint)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var claim = new DynamicParameters(id);
        claim.Add("Fingerprint", fingerprint);
        claim.Add("Lifetime", Lifetime);
        while (true)
        {
            await connection.ExecuteAsync(
                "DELETE FROM shared.idempotency_keys WHERE tenant_id = @Tenant AND caller_id = @Caller AND key = @Key AND expires_at < now()", id);
            var claimed = await connection.ExecuteAsync(
                """
                INSERT INTO shared.idempotency_keys (tenant_id, caller_id, key, fingerprint, status, expires_at)
                VALUES (@Tenant, @Caller, @Key, @Fingerprint, 'inFlight', now() + @Lifetime)
                ON CONFLICT (tenant_id, caller_id, key) DO NOTHING
                """,
                claim);
            if (claimed == 1)
            {
                return null;
            }
            // Gone again already (its request failed with a 5xx and let go of it): try to claim it once more.
            var earlier = await connection.QuerySingleOrDefaultAsync<Stored>(
                """
                SELECT fingerprint, status, response_status, response_headers::text AS response_headers, response_body, response_cipher
                FROM shared.idempotency_keys WHERE tenant_id = @Tenant AND caller_id = @Caller AND key = @Key
                """,
                id);
            if (earlier is not null)
            {
                return earlier;
            }
        }
    }

    private static async Task AnswerAgainAsync(HttpContext context, Stored earlier, byte[] fingerprint, SensitiveData sensitive)
    {
        if (!CryptographicOperations.FixedTimeEquals(earlier.Fingerprint, fingerprint))
        {
            throw Problems.IdempotencyKeyReused.Of(Header,
                new("This key was used for a different request; use a new key for a new request.", "此幂等键已用于另一个请求，新请求请使用新的键。"));
        }
        if (earlier.Status == "inFlight")
        {
            throw Problems.IdempotencyInFlight.With(new("A request with this key is still being carried out; ask again shortly.", "使用此幂等键的请求仍在处理中，请稍后再试。"));
        }
        context.Response.StatusCode = earlier.ResponseStatus!.Value;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(earlier.ResponseHeaders ?? "{}")!)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.Headers[ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(earlier.ResponseCipher is { } cipher ? sensitive.Open(cipher) : earlier.ResponseBody ?? []);
    }

    private static ProblemException TooLarge() => Problems.PayloadTooLarge.With(new(
        $"{Header} applies to bodies up to {MaxBodyBytes / 1024 / 1024} MB.", $"{Header} 只适用于不超过 {MaxBodyBytes / 1024 / 1024} MB 的请求内容。"));

    private static async Task<byte[]> BufferBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }
        request.EnableBuffering(MaxBodyBytes);
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy);
        if (copy.Length > MaxBodyBytes)
        {
            throw TooLarge();
        }
        request.Body.Position = 0;
        return copy.ToArray();
    }
}
