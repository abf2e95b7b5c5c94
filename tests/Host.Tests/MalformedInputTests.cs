using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Workforce.Host.Tests;

/// <summary>
/// Malformed input to every operation the OpenAPI document lists, read from the document itself (see
/// <see cref="MalformedRequests"/>), from the tenant's own people, an API key and an anonymous caller: whatever is sent,
/// the answer is never a 5xx, every refusal is a problem document with its status and code, and nothing is logged above
/// Information (an error in the log is a bug, and a refusal is not one). A new operation is fuzzed the day it exists.
/// </summary>
public sealed class MalformedInputTests(AccessMatrixApi api) : IClassFixture<AccessMatrixApi>
{
    private const int Seed = 15_04_2026;

    /// <summary>How many of an operation's cases an anonymous caller sends (all of them, where anyone may call it).</summary>
    private const int AnonymousCases = 6;

    /// <summary>The share of an operation's cases the API key sends: it is read as the session is, but for how the caller is known.</summary>
    private const double ApiKeyShare = 1 / 3.0;

    [Fact]
    public async Task Every_operation_answers_malformed_input_with_a_problem_document_and_never_a_server_error()
    {
        var (tenant, _) = await api.TenantsAsync();
        var ids = await IdsToFuzzAsync(tenant);
        var callers = await FuzzCallers.CreateAsync(api, tenant);
        var random = new Random(Seed);
        var operations = await ApiOperation.AllAsync(api);
        var logged = api.Logs.Entries.Count;
        var failures = new List<string>();
        var sent = 0;

        foreach (var operation in operations)
        {
            var cases = new MalformedRequests(operation, segment => ids.TryGetValue(segment, out var id) ? id : null, random).All().ToList();
            var etagSource = operations.Where(o => o.Method == "get" && (o.Path == operation.Path || operation.Path.StartsWith(o.Path + "/", StringComparison.Ordinal)))
                .MaxBy(o => o.Path.Length);
            foreach (var (who, caller) in callers.For(operation))
            {
                var chosen = who switch
                {
                    FuzzCallers.AnonymousName when !operation.IsAnonymous => cases.OrderBy(_ => random.Next()).Take(AnonymousCases),
                    FuzzCallers.ApiKeyName => cases.Where(_ => random.NextDouble() < ApiKeyShare),
                    _ => cases,
                };
                var etag = await ETagAsync(caller(), etagSource, ids);
                foreach (var request in chosen)
                {
                    sent++;
                    var (response, fault) = await SendAsync(caller(), operation, request, etag);
                    if (fault is not null)
                    {
                        failures.Add($"{operation} ({operation.OperationId}) as {who}, {request.Case}: {fault}");
                    }
                    else if (response!.IsSuccessStatusCode && etag is not null)
                    {
                        etag = await ETagAsync(caller(), etagSource, ids);
                    }
                }
                await callers.RestoreAsync();
            }
        }

        var loggedAboveInformation = api.Logs.Entries.Skip(logged).Where(log => log.Level > LogLevel.Information)
            .Select(log => $"{log.Level} {log.Category}: {log.Message}{(log.Exception is null ? "" : " " + log.Exception.Split('\n')[0])}")
            .Distinct().ToList();
        Assert.True(failures.Count == 0 && loggedAboveInformation.Count == 0,
            $"{failures.Count} of {sent} malformed requests were not refused with a problem document:{Environment.NewLine}" +
            string.Join(Environment.NewLine, failures) + Environment.NewLine +
            $"{loggedAboveInformation.Count} kinds of log lines above Information:{Environment.NewLine}" + string.Join(Environment.NewLine, loggedAboveInformation));
    }

    /// <summary>
    /// The tenant's records by collection, but for a user, its grant and an API client of the fuzz's own: whatever a
    /// malformed request still manages to do to them, the people who call keep their passwords, grants and keys.
    /// </summary>
    private static async Task<Dictionary<string, Guid>> IdsToFuzzAsync(MatrixTenant tenant)
    {
        var login = TestIdentity.NewLoginName("fuzzed");
        var user = await tenant.Admin.CreateAsync("/api/v1/access/users",
            new { loginName = login, displayName = login, password = Scenario.Password, role = "handler", organisationId = tenant.IdsByCollection["organisations"] });
        var (client, _) = await tenant.Enterprise.CreateApiClientAsync();
        return new Dictionary<string, Guid>(tenant.IdsByCollection)
        {
            ["users"] = user.Id(),
            ["grants"] = user["grants"]!.AsArray().Single()!.Id(),
            ["clients"] = client.Id(),
        };
    }

    /// <summary>The ETag of the record the operation's path names (its nearest read), for updates to be judged on their body rather than refused as stale.</summary>
    private static async Task<string?> ETagAsync(Caller caller, ApiOperation? read, Dictionary<string, Guid> ids)
    {
        if (read is null)
        {
            return null;
        }
        var response = await caller.GetAsync(read.Url(p => ids.GetValueOrDefault(p.Segment)));
        return response.IsSuccessStatusCode ? response.Headers.ETag?.ToString() : null;
    }

    /// <summary>Sends the request; the fault is null when the answer is a success or a refusal as a problem document with its status and code.</summary>
    private static async Task<(HttpResponseMessage? Response, string? Fault)> SendAsync(Caller caller, ApiOperation operation, MalformedRequest request, string? etag)
    {
        HttpContent? content = null;
        if (request.Body is { } body)
        {
            content = new ByteArrayContent(body);
            if (request.ContentType is { } contentType)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
        var withHeaders = request.Headers.Aggregate(caller, (c, header) => c.WithHeader(header.Name, header.Value));
        try
        {
            var response = await withHeaders.SendAsync(operation.HttpMethod, request.Url, content, etag);
            return (response, await FaultAsync(response));
        }
        catch (Exception error) when (error is not HttpRequestException { InnerException: null })
        {
            // The in-memory server hands back what escaped the pipeline: over a socket, a 500 with no body.
            return (null, $"the server failed: {error.GetType().Name}: {error.Message.Split('\n')[0]}");
        }
    }

    private static async Task<string?> FaultAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status < 400)
        {
            return null;
        }
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var answer = $"{status} {mediaType ?? "with no Content-Type"}: {(body.Length > 300 ? body[..300] + "…" : body)}";
        if (status >= 500)
        {
            return answer;
        }
        return mediaType == "application/problem+json" && IsProblemDocument(body, status) ? null : $"not a problem document with its status and code, {answer}";
    }

    private static bool IsProblemDocument(string body, int status)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject problem
                && problem["status"] is JsonValue statusValue && statusValue.TryGetValue<int>(out var said) && said == status
                && problem["code"] is JsonValue code && code.TryGetValue<string>(out var text) && text.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Who sends the malformed requests: the first of the tenant's people who may call the operation (its
    /// administrator when nobody may), an API key with its administrator's permissions, and an anonymous caller. A
    /// session a request ended (signing out) is signed in again, and a key that stopped working replaced.
    /// </summary>
    private sealed class FuzzCallers
    {
        public const string AnonymousName = "anonymous";
        public const string ApiKeyName = "an API key";

        private readonly WorkforceApi _api;
        private readonly MatrixTenant _tenant;
        private readonly List<(string Login, IReadOnlySet<string> Permissions)> _people;
        private readonly Dictionary<string, Caller> _sessions = [];
        private readonly Caller _anonymous;
        private Caller _apiKey;

        private FuzzCallers(WorkforceApi api, MatrixTenant tenant, List<(string, IReadOnlySet<string>)> people, Caller apiKey)
        {
            _api = api;
            _tenant = tenant;
            _people = people;
            _apiKey = apiKey;
            _anonymous = api.Anonymous();
        }

        public static async Task<FuzzCallers> CreateAsync(WorkforceApi api, MatrixTenant tenant)
        {
            var people = new List<(string, IReadOnlySet<string>)>();
            foreach (var (caller, permissions) in tenant.People)
            {
                var me = await (await caller.GetAsync("/api/v1/access/me")).ExpectJsonAsync();
                people.Add((me.Str("loginName"), permissions));
            }
            var callers = new FuzzCallers(api, tenant, people, api.WithApiKey(tenant.ApiKey));
            await callers.RestoreAsync();
            return callers;
        }

        public IEnumerable<(string Who, Func<Caller> Caller)> For(ApiOperation operation)
        {
            var login = _people.FirstOrDefault(p => operation.Permissions?.Any(p.Permissions.Contains) == true).Login ?? _people[0].Login;
            yield return (login, () => _sessions[login]);
            yield return (ApiKeyName, () => _apiKey);
            yield return (AnonymousName, () => _anonymous);
        }

        /// <summary>Signs in again whoever's session is gone, and replaces a key that no longer works.</summary>
        public async Task RestoreAsync()
        {
            foreach (var (login, _) in _people)
            {
                if (!_sessions.TryGetValue(login, out var session) || !await WorksAsync(session))
                {
                    _sessions[login] = await _api.SignInAsync(login, Scenario.Password);
                }
            }
            if (!await WorksAsync(_apiKey))
            {
                var (_, key) = await _tenant.Enterprise.CreateApiClientAsync();
                _apiKey = _api.WithApiKey(key);
            }
        }

        private static async Task<bool> WorksAsync(Caller caller) => (await caller.GetAsync("/api/v1/access/me")).IsSuccessStatusCode;
    }
}
