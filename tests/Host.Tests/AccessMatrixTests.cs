using System.Net.Http.Json;
using System.Text.Json;
using Workforce.BuildingBlocks.Paging;

namespace Workforce.Host.Tests;

/// <summary>
/// The access matrix: every operation the OpenAPI document lists, read from the document itself, against every way
/// of calling it without the right to. Nobody learns anything without signing in (401), nobody does what their
/// permissions do not cover (403), and one tenant's ids are unknown to another tenant (404, and absent from its lists).
/// A new endpoint is in the matrix as soon as it is in the document; one the matrix cannot call fails it.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixApi api) : IClassFixture<AccessMatrixApi>
{
    /// <summary>The only operations anyone may call without credentials.</summary>
    private static readonly string[] AnonymousOperations = ["Login"];

    /// <summary>The only operations with no permission of their own: any signed-in caller may, as they concern only the caller's own session.</summary>
    private static readonly string[] OwnSessionOperations = ["ChangeOwnPassword", "GetMe", "Logout"];

    /// <summary>
    /// A valid body for each operation that takes one and names a resource in its path, given the calling tenant.
    /// Validation runs before the handler looks the resource up, so an invalid body would hide a leak behind a 422.
    /// </summary>
    private static readonly Dictionary<string, Func<MatrixTenant, object>> Bodies = new()
    {
        ["UpdateOrganisation"] = _ => new { name = TestIdentity.NewName("改名") },
        ["MoveOrganisation"] = caller => new { parentId = caller.Enterprise.Id },
        ["UpdateWorker"] = caller => TestEnterprise.WorkerBody(caller.Enterprise.Id),
        ["DeactivateWorker"] = _ => new { status = "left", leftOn = "2025-06-30" },
        ["AppointRepresentative"] = caller => new { workerId = caller.IdsByCollection["workers"], delegationGroup = "第二代表团" },
        ["EndAppointment"] = _ => new { endedOn = "2025-06-30", reason = "调离本企业" },
        ["UpdateUser"] = _ => new { displayName = TestIdentity.NewName("改名"), status = "active" },
        ["GrantRole"] = caller => new { role = "handler", organisationId = caller.Enterprise.Id },
        ["UpdateWebhook"] = _ => new { url = "https://hooks.example.test/changed", eventTypes = Array.Empty<string>(), status = "paused" },
        ["SetAgenda"] = _ => new { steps = Array.Empty<object>() },
        ["RecordCheckIn"] = caller => new { representativeId = caller.IdsByCollection["representatives"], channel = "onSite" },
        ["CreateMotion"] = _ => new { title = "关于劳动竞赛方案的决议" },
        ["CreateElection"] = _ => new { title = "选举职工董事", seats = 1, candidates = new[] { new { title = "王芳" } } },
        ["CreateEvaluation"] = _ => new { title = "中层干部民主测评", managers = new[] { new { title = "李强", detail = "生产部部长" } } },
        ["MarkPaperVoters"] = caller => new { representativeIds = new[] { caller.IdsByCollection["representatives"] } },
        ["RecordPaperCounts"] = _ => new { counts = new[] { new { item = 1, choice = "for", count = 1 } } },
        ["TrackResolution"] = _ => new { owner = "人力资源部" },
        ["AddResolutionNote"] = _ => new { note = "方案已报集团审批", progress = 30 },
        ["CastBallot"] = _ => new { choices = new[] { new { item = 1, choice = "for" } } },
        ["UploadDocument"] = _ => AccessMatrixApi.PdfForm(),
        ["RecordGroupOpinion"] = _ => new { delegationGroup = "第一代表团", opinion = "同意提交大会表决" },
        ["UploadAttachment"] = _ => AccessMatrixApi.PdfForm(),
        ["EditCall"] = _ => new { theme = "产改专项提案征集", opensOn = "2026-01-01", closesOn = "2026-12-31" },
        ["EditDraft"] = _ => new { category = "welfare", title = "关于增设职工休息室的提案", reasons = "夜班职工无处休息。", suggestions = "增设休息室。" },
        ["InviteCosigners"] = caller => new { workerIds = new[] { caller.IdsByCollection["workers"] } },
        ["AnswerCosigningInvitation"] = _ => new { accept = true },
        ["StartReview"] = _ => new { note = "审查" },
        ["DecideProposal"] = _ => new { decision = "accept" },
        ["MergeProposal"] = caller => new { intoId = caller.IdsByCollection["proposals"] },
        ["AssignProposal"] = caller => new { leadUnitId = caller.IdsByCollection["organisations"] },
        ["AnswerProposal"] = _ => new { answer = "已办理。" },
        ["RateAnswer"] = _ => new { rating = "satisfied" },
        ["CloseProposal"] = _ => new { note = "结案" },
        ["LinkResolution"] = caller => new { resolutionId = caller.IdsByCollection["resolutions"] },
        ["NominateProposal"] = caller => new { campaignId = caller.IdsByCollection["award-campaigns"] },
        ["ScoreAwardNomination"] = _ => new { scores = new[] { new { criterionId = Guid.NewGuid(), score = 80 } } },
        ["RecordAward"] = _ => new { level = "一等奖", reward = "奖金2000元" },
        ["RecordEscalation"] = _ => new { targetBody = "cppcc", forwardedOn = "2026-12-01", reference = "政协提案第12号" },
    };

    /// <summary>
    /// Reads without a path parameter that list no records: one enterprise's own settings, and the event types every
    /// tenant shares, hold no record ids to leak.
    /// </summary>
    private static readonly string[] NotLists = ["GetProposalSettings", "GetCalendar", "ListEventTypes"];

    private const string IfMatch = "\"1\"";
    private static readonly Refusal Unauthenticated = new(HttpStatusCode.Unauthorized, "unauthenticated");
    private static readonly Refusal Forbidden = new(HttpStatusCode.Forbidden, "forbidden");
    private static readonly Refusal NotGranted = new(HttpStatusCode.Forbidden, "organisation_not_granted");
    private static readonly Refusal NotFound = new(HttpStatusCode.NotFound, "*_not_found");

    [Fact]
    public async Task Every_operation_but_sign_in_refuses_an_anonymous_caller()
    {
        var operations = await ApiOperation.AllAsync(api);

        AssertSameNames("operations open to anonymous callers", AnonymousOperations, operations.Where(o => o.IsAnonymous),
            "it must not be: remove AllowAnonymous, or add it to AnonymousOperations if the world may call it");
        await AssertEveryAsync("An anonymous call is refused with 401", operations.Where(o => !o.IsAnonymous),
            async o => await Unauthenticated.MismatchAsync(await SendAsync(api.Anonymous(), o, o.UrlWithRandomIds())));
    }

    [Fact]
    public async Task Every_operation_refuses_a_wrong_revoked_or_replaced_key()
    {
        var (a, _) = await api.TenantsAsync();
        var (revoked, revokedId) = await WorkingKeyAsync(a);
        await (await a.Admin.PostAsync($"/api/v1/access/clients/{revokedId}/revoke")).ExpectJsonAsync();
        var (replaced, replacedId) = await WorkingKeyAsync(a);
        await (await a.Admin.PostAsync($"/api/v1/access/clients/{replacedId}/rotate")).ExpectJsonAsync();
        var keys = new[] { ("a made-up key", "wf_000000000000_" + new string('x', 43)), ("a token that is no key", "not-an-api-key"), ("a revoked key", revoked), ("a replaced key", replaced) };
        var operations = (await ApiOperation.AllAsync(api)).Where(o => !o.IsAnonymous).ToList();

        foreach (var (which, key) in keys)
        {
            await AssertEveryAsync($"A call with {which} is refused with 401", operations,
                async o => await Unauthenticated.MismatchAsync(await SendAsync(api.WithApiKey(key), o, o.UrlWithRandomIds())));
        }
    }

    [Fact]
    public async Task Every_operation_needs_a_permission_unless_it_concerns_only_the_callers_own_session()
    {
        var operations = await ApiOperation.AllAsync(api);

        AssertSameNames("operations any signed-in caller may call", OwnSessionOperations, operations.Where(o => !o.IsAnonymous && o.Permissions is null),
            "it names no permission: add .RequirePermission(...) to its endpoint (or, if it concerns only the caller's own session, add it to OwnSessionOperations)");
    }

    [Fact]
    public async Task Every_operation_refuses_an_actor_lacking_its_permission()
    {
        var (a, _) = await api.TenantsAsync();
        var held = await AccessMatrixApi.PermissionsAsync(a.Admin);
        var operations = (await ApiOperation.AllAsync(api)).Where(o => o.Permissions is not null);

        await AssertEveryAsync("A caller holding every permission but the operation's (any of them) is refused with 403", operations, async o =>
        {
            var url = o.UrlWithRandomIds();
            var lacking = await SendAsync(api.WithApiKey(await api.KeyLackingAsync(o.Permissions!)), o, url);
            var mismatch = await Forbidden.MismatchAsync(lacking);
            if (mismatch is not null || !o.Permissions!.All(held.Contains))
            {
                return mismatch;
            }
            // The same call with the permission passes the gate (the 403 was for that permission alone) and fails as a client error at worst.
            var allowed = await SendAsync(api.WithApiKey(a.ApiKey), o, url);
            return allowed.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)allowed.StatusCode >= 500
                ? $"with {string.Join(" and ", o.Permissions!)} it gets {(int)allowed.StatusCode}: {Shorten(await allowed.Content.ReadAsStringAsync())}"
                : null;
        });
    }

    [Fact]
    public async Task Every_operation_answers_not_found_for_another_tenants_ids()
    {
        var (a, b) = await api.TenantsAsync();
        var operations = (await ApiOperation.AllAsync(api)).Where(o => o.PathParameters.Count > 0).ToList();
        var unused = Bodies.Keys.Except(operations.Where(o => o.HasRequestBody).Select(o => o.OperationId)).ToList();
        Assert.True(unused.Count == 0, $"Bodies has samples for {string.Join(", ", unused)}, which take no body or name no resource in their path: remove them.");
        var before = await ReadAsync(b, operations);

        await AssertEveryAsync("A's administrator naming B's records is told they do not exist (404)", operations, async o =>
        {
            if (Unmapped(o, b) is { } unmapped)
            {
                return unmapped;
            }
            Func<MatrixTenant, object>? sample = null;
            if (o.HasRequestBody && !Bodies.TryGetValue(o.OperationId, out sample))
            {
                return $"it takes a body but {nameof(Bodies)} in {nameof(AccessMatrixTests)} has no sample for it: add a valid one";
            }
            var response = await SendAsync(a.CallerFor(o.Permissions), o, o.Url(p => b.IdsByCollection[p.Segment]), sample?.Invoke(a), IfMatch);
            return await NotFound.MismatchAsync(response);
        });
        Assert.Equal(before, await ReadAsync(b, operations));
    }

    [Fact]
    public async Task Every_list_holds_its_page_size_to_1_through_200()
    {
        var (a, _) = await api.TenantsAsync();
        var lists = (await ApiOperation.AllAsync(api))
            .Where(o => o.HttpMethod == HttpMethod.Get && o.PathParameters.Count == 0 && o.QueryParameters().Contains("limit", StringComparer.OrdinalIgnoreCase))
            // The change feed is no keyset list: it pages by its own cursor, up to 1,000 events.
            .Where(o => o.OperationId != "ListEvents");

        await AssertEveryAsync("Each list refuses a page of 0 or 201 rows (422 on limit) and serves one of 200", lists, async o =>
        {
            var caller = a.CallerFor(o.Permissions);
            foreach (var limit in new[] { 0, PageQuery.MaxLimit + 1 })
            {
                var response = await caller.GetAsync($"{o.Path}?limit={limit}");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.UnprocessableEntity || !body.Contains("\"limit\"", StringComparison.Ordinal))
                {
                    return $"limit={limit}: {(int)response.StatusCode} {Shorten(body)}";
                }
            }
            var full = await caller.GetAsync($"{o.Path}?limit={PageQuery.MaxLimit}");
            return full.StatusCode == HttpStatusCode.OK ? null : $"limit={PageQuery.MaxLimit}: {(int)full.StatusCode}";
        });
    }

    [Fact]
    public async Task Lists_show_none_of_another_tenants_records_whatever_their_filters_name()
    {
        var (a, b) = await api.TenantsAsync();
        var lists = (await ApiOperation.AllAsync(api)).Where(o => o.HttpMethod == HttpMethod.Get && o.PathParameters.Count == 0 && !NotLists.Contains(o.OperationId));

        await AssertEveryAsync("A's lists show none of B's ids", lists, async o =>
        {
            var page = o.QueryParameters().Contains("limit", StringComparer.OrdinalIgnoreCase) ? $"?limit={PageQuery.MaxLimit}" : "";
            var response = await a.CallerFor(o.Permissions).GetAsync(o.Path + page);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || Mentioned(body, a.AllIds).Count == 0)
            {
                return $"A's administrator should see a list with some of A's own ids, so that B's would show: got {(int)response.StatusCode} {Shorten(body)}";
            }
            var failures = new List<string>();
            if (Mentioned(body, b.AllIds) is { Count: > 0 } shown)
            {
                failures.Add($"it shows B's {string.Join(", ", shown)}");
            }
            foreach (var (filter, id) in o.QueryParameters(uuidOnly: true).SelectMany(filter => b.AllIds.Select(id => (filter, id))))
            {
                var filtered = await a.CallerFor(o.Permissions).GetAsync($"{o.Path}?{filter}={id}");
                var filteredBody = await filtered.Content.ReadAsStringAsync();
                if ((int)filtered.StatusCode >= 500 || (filtered.IsSuccessStatusCode && Mentioned(filteredBody, b.AllIds).Count > 0))
                {
                    failures.Add($"?{filter}={id} (B's) gives {(int)filtered.StatusCode}: {Shorten(filteredBody)}");
                }
            }
            return failures.Count == 0 ? null : string.Join("; ", failures);
        });
    }

    [Fact]
    public async Task No_one_acts_for_another_tenants_organisation()
    {
        var (a, b) = await api.TenantsAsync();
        var operations = (await ApiOperation.AllAsync(api)).Where(o => !o.IsAnonymous).ToList();

        foreach (var (who, caller) in new[] { ("B's administrator", b.Admin), ("B's API client", api.WithApiKey(b.ApiKey)) })
        {
            await AssertEveryAsync($"{who} acting for A is refused with 403", operations,
                async o => await NotGranted.MismatchAsync(await SendAsync(caller.ActingFor(a.Enterprise.Id), o, o.UrlWithRandomIds(), ifMatch: IfMatch)));
        }
    }

    /// <summary>A new API client of the tenant with all its administrator's permissions, whose key is shown to work.</summary>
    private async Task<(string Key, Guid ClientId)> WorkingKeyAsync(MatrixTenant tenant)
    {
        var (client, key) = await tenant.Enterprise.CreateApiClientAsync();
        await (await api.WithApiKey(key).GetAsync("/api/v1/access/me")).ExpectJsonAsync();
        return (key, client.Id());
    }

    /// <summary>What the tenant's own administrator reads of each of its records the operations name: every one is there.</summary>
    private static async Task<Dictionary<string, string>> ReadAsync(MatrixTenant tenant, IEnumerable<ApiOperation> operations)
    {
        var read = new Dictionary<string, string>();
        foreach (var operation in operations.Where(o => o.HttpMethod == HttpMethod.Get && Unmapped(o, tenant) is null))
        {
            var url = operation.Url(p => tenant.IdsByCollection[p.Segment]);
            var response = await tenant.CallerFor(operation.Permissions).GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{tenant.Enterprise.Id}'s own administrator cannot read {url}: {(int)response.StatusCode}");
            read[url] = await response.Content.ReadAsStringAsync();
        }
        Assert.NotEmpty(read);
        return read;
    }

    private static string? Unmapped(ApiOperation operation, MatrixTenant tenant) =>
        operation.PathParameters.FirstOrDefault(p => !tenant.IdsByCollection.ContainsKey(p.Segment)) is { } parameter
            ? $"no record is mapped to {{{parameter.Name}}} after /{parameter.Segment}/: extend the map in {nameof(AccessMatrixApi)}.NewTenantAsync"
            : null;

    private static async Task<HttpResponseMessage> SendAsync(Caller caller, ApiOperation operation, string url, object? body = null, string? ifMatch = null) =>
        await caller.SendAsync(operation.HttpMethod, url, body as HttpContent ?? (body is null ? null : JsonContent.Create(body)), ifMatch);

    private static List<Guid> Mentioned(string body, IEnumerable<Guid> ids) => ids.Where(id => body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();

    private static string Shorten(string body) => body.Length > 400 ? body[..400] + "…" : body;

    /// <summary>Runs the check on every operation and fails once, naming every operation that fails it and why.</summary>
    private static async Task AssertEveryAsync(string rule, IEnumerable<ApiOperation> operations, Func<ApiOperation, Task<string?>> check)
    {
        var checkedOperations = operations.ToList();
        Assert.NotEmpty(checkedOperations);
        var failures = new List<string>();
        foreach (var operation in checkedOperations)
        {
            if (await check(operation) is { } failure)
            {
                failures.Add($"{operation} ({operation.OperationId}): {failure}");
            }
        }
        Assert.True(failures.Count == 0,
            $"{rule}; {failures.Count} of {checkedOperations.Count} operations are not:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>The operations found are exactly those the list names: one missing from it is a new hole, one too many is stale.</summary>
    private static void AssertSameNames(string what, IEnumerable<string> listed, IEnumerable<ApiOperation> found, string unlisted)
    {
        var foundIds = found.Select(o => o.OperationId).ToHashSet();
        var failures = found.Where(o => !listed.Contains(o.OperationId)).Select(o => $"{o} ({o.OperationId}): {unlisted}.")
            .Concat(listed.Where(id => !foundIds.Contains(id)).Select(id => $"{id} is listed among the {what}, but is not one: remove it from the list."))
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The problem a refused call must get: status and code (<c>*_suffix</c> for any code ending so).</summary>
    private sealed record Refusal(HttpStatusCode Status, string Code)
    {
        /// <summary>Null when the response is this refusal, as a problem document and nothing more; otherwise what came instead.</summary>
        public async Task<string?> MismatchAsync(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var code = CodeOf(body);
            var matches = response.StatusCode == Status
                && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && (Code.StartsWith('*') ? code?.EndsWith(Code[1..], StringComparison.Ordinal) == true : code == Code);
            return matches ? null : $"expected {(int)Status} {Code}, got {(int)response.StatusCode} {code}: {Shorten(body)}";
        }

        private static string? CodeOf(string body)
        {
            try
            {
                return JsonNode.Parse(body) is JsonObject problem && problem["code"] is JsonValue code && code.TryGetValue<string>(out var text) ? text : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
