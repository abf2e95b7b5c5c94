using System.Collections.Concurrent;

namespace Workforce.Host.Tests;

/// <summary>
/// An enterprise and everything its people can make: the ids of each kind of record, keyed by the collection that
/// names them in a path (<c>/workers/{id}</c> → its worker), and an API key with all of its administrator's permissions.
/// </summary>
public sealed record MatrixTenant(
    TestEnterprise Enterprise, Guid AdminId, IReadOnlyDictionary<string, Guid> IdsByCollection, string ApiKey,
    IReadOnlyList<(Caller Caller, IReadOnlySet<string> Permissions)> People)
{
    public Caller Admin => Enterprise.Client;

    /// <summary>
    /// Who of the tenant calls an operation: its administrator, or for what only others do, the first of its
    /// representative, its handler and its region's administrator who may.
    /// </summary>
    public Caller CallerFor(IReadOnlyList<string>? permissions) =>
        permissions is { } needed ? People.FirstOrDefault(p => needed.Any(p.Permissions.Contains)).Caller ?? Admin : Admin;

    /// <summary>Every id of the tenant's own records: what another tenant must never see.</summary>
    public IReadOnlyList<Guid> AllIds => [Enterprise.Id, Enterprise.RegionId, AdminId, .. IdsByCollection.Values];
}

/// <summary>
/// The Host for the access matrix: two enterprises, A and B, each with one record of every kind, built once for the
/// test class; and A's API clients that each lack one permission, made on first use.
/// </summary>
public sealed class AccessMatrixApi : WorkforceApi
{
    private readonly Lazy<Task<(MatrixTenant A, MatrixTenant B)>> _tenants;
    private const string Webhooks = "/api/v1/integration/webhooks";
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _keysLacking = new();

    public AccessMatrixApi() => _tenants = new(async () => (await NewTenantAsync(), await NewTenantAsync()));

    public Task<(MatrixTenant A, MatrixTenant B)> TenantsAsync() => _tenants.Value;

    /// <summary>The key of an API client of A that holds every permission of A's administrator except <paramref name="permission"/>.</summary>
    public Task<string> KeyLackingAsync(IReadOnlyList<string> permissions) => _keysLacking.GetOrAdd(string.Join(' ', permissions), _ => new(async () =>
    {
        var (a, _) = await TenantsAsync();
        var held = await PermissionsAsync(a.Admin);
        var (_, key) = await a.Enterprise.CreateApiClientAsync(held.Except(permissions).ToArray());
        return key;
    })).Value;

    /// <summary>What the caller may do where it acts.</summary>
    public static async Task<IReadOnlyList<string>> PermissionsAsync(Caller caller)
    {
        var me = await (await caller.GetAsync("/api/v1/access/me")).ExpectJsonAsync();
        return me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
    }

    /// <summary>
    /// A fresh enterprise with one record of each kind. A path parameter is mapped to one of these by the collection
    /// before it; a new kind of resource in a path needs its record here.
    /// </summary>
    private async Task<MatrixTenant> NewTenantAsync()
    {
        var enterprise = await this.NewEnterpriseAsync();
        var admin = enterprise.Client;
        var unit = await enterprise.AddUnitAsync();
        // Paused, so that its deliveries wait and stay as they are: registering the worker makes one, the import another.
        var webhook = (await admin.CreateAsync(Webhooks, new { url = "https://hooks.example.test/workforce", status = "paused" }))["webhook"]!;
        var worker = await enterprise.RegisterWorkerAsync(unit.Id());
        var term = await enterprise.CreateTermAsync();
        var appointment = await admin.CreateAsync($"/api/v1/directory/terms/{term.Id()}/representatives",
            new { workerId = worker.Id(), delegationGroup = "第一代表团" });
        var login = TestIdentity.NewLoginName("handler");
        var user = await admin.CreateAsync("/api/v1/access/users",
            new { loginName = login, displayName = login, password = Scenario.Password, role = "handler", organisationId = unit.Id() });
        var (client, key) = await enterprise.CreateApiClientAsync();
        var import = await (await admin.SendAsync(HttpMethod.Post, "/api/v1/directory/imports/workers?mode=skipInvalid", new StringContent(
                $"姓名,工号,身份证号,部门\n{TestIdentity.NewName("导入")},{TestIdentity.NewEmployeeNumber()},{TestIdentity.NewResidentId()},{unit.Id()}\n",
                System.Text.Encoding.UTF8, "text/csv")))
            .ExpectJsonAsync(HttpStatusCode.Accepted);
        var me = await (await admin.GetAsync("/api/v1/access/me")).ExpectJsonAsync();
        var (representative, congress) = await HoldCongressAsync(enterprise, term.Id(), worker.Id());
        var handler = await SignInAsync(login, Scenario.Password);
        var proposals = await HandleProposalAsync(enterprise, representative, handler, unit.Id(), congress["resolutions"]);
        var deliveries = await Eventually.ForAsync("the worker's registration to be queued for the webhook",
            async () => (await (await admin.GetAsync($"{Webhooks}/{webhook.Id()}/deliveries")).ExpectJsonAsync())["items"]!.AsArray(),
            items => items.Count > 0, items => items.ToJsonString());

        return new MatrixTenant(enterprise, me.Id(), new Dictionary<string, Guid>
        {
            ["organisations"] = unit.Id(),
            ["workers"] = worker.Id(),
            ["terms"] = term.Id(),
            ["representatives"] = appointment.Id(),
            ["users"] = user.Id(),
            ["grants"] = user["grants"]!.AsArray().Single()!.Id(),
            ["clients"] = client.Id(),
            ["imports"] = import.Id(),
            ["webhooks"] = webhook.Id(),
            ["deliveries"] = deliveries[0]!.Id(),
            ["sessions"] = congress["sessions"],
            ["agenda"] = congress["agenda"],
            ["polls"] = congress["polls"],
            ["resolutions"] = congress["resolutions"],
            ["documents"] = congress["documents"],
            ["calls"] = proposals["calls"],
            ["proposals"] = proposals["proposals"],
            ["attachments"] = proposals["attachments"],
            ["award-campaigns"] = proposals["award-campaigns"],
            ["award-nominations"] = proposals["award-nominations"],
        }, key, [
            (admin, (await PermissionsAsync(admin)).ToHashSet()),
            (representative, (await PermissionsAsync(representative)).ToHashSet()),
            (handler, (await PermissionsAsync(handler)).ToHashSet()),
            (enterprise.Region.Client, (await PermissionsAsync(enterprise.Region.Client)).ToHashSet()),
        ]);
    }

    /// <summary>
    /// A call and a proposal of the representative (alone: the enterprise needs no co-signers), taken to closed through
    /// the handler's department and linked to the congress's resolution; the region's award campaign, with the region's
    /// administrator as reviewer, and the proposal nominated to it.
    /// </summary>
    private async Task<Dictionary<string, Guid>> HandleProposalAsync(TestEnterprise enterprise, Caller representative, Caller handler, Guid unitId, Guid resolutionId)
    {
        const string Proposals = "/api/v1/proposals";
        var admin = enterprise.Client;
        await (await admin.PutAsync($"{Proposals}/settings", new { minCosigners = 0, handlingDays = 30, maxHandlingRounds = 2 }, "\"0\"")).ExpectJsonAsync();
        var call = await admin.CreateAsync($"{Proposals}/calls",
            new { theme = "职代会提案征集", opensOn = DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd"), closesOn = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd") });
        var proposal = await representative.CreateAsync($"{Proposals}/proposals",
            new { callId = call.Id(), category = "safetyAndHealth", title = "关于改善车间通风条件的提案", reasons = "车间闷热。", suggestions = "更换排风设备。" });
        var url = $"{Proposals}/proposals/{proposal.Id()}";
        var attachment = await (await representative.SendAsync(HttpMethod.Post, $"{url}/attachments", PdfForm())).ExpectJsonAsync(HttpStatusCode.Created);
        // Each step sends the version the one before it answered.
        var version = (await representative.GetAsync(url)).ETag();
        foreach (var (caller, step, body) in new (Caller, string, object?)[]
                 {
                     (representative, "submit", null), (admin, "review", new { }), (admin, "decision", new { decision = "accept" }),
                     (admin, "assign", new { leadUnitId = unitId }), (handler, "answer", new { answer = "已更换排风设备。" }),
                     (representative, "rating", new { rating = "satisfied" }), (admin, "close", new { }),
                 })
        {
            var response = await caller.PostAsync($"{url}/{step}", body, version);
            await response.ExpectJsonAsync();
            version = response.ETag();
        }
        await (await admin.PostAsync($"{url}/resolutions", new { resolutionId })).ExpectJsonAsync();
        var region = enterprise.Region.Client;
        var regionAdmin = await (await region.GetAsync("/api/v1/access/me")).ExpectJsonAsync();
        var campaign = await region.CreateAsync($"{Proposals}/award-campaigns", new
        {
            name = "优秀提案评选",
            nominationsCloseOn = DateTime.Today.AddDays(30).ToString("yyyy-MM-dd"),
            criteria = new[] { new { name = "实效性", weight = 100 } },
            reviewers = new[] { new { userId = regionAdmin.Id() } },
        });
        var nomination = await (await admin.PostAsync($"{url}/nominations", new { campaignId = campaign.Id() })).ExpectJsonAsync(HttpStatusCode.Created);
        return new Dictionary<string, Guid>
        {
            ["calls"] = call.Id(),
            ["proposals"] = proposal.Id(),
            ["attachments"] = attachment.Id(),
            ["award-campaigns"] = campaign.Id(),
            ["award-nominations"] = nomination.Id(),
        };
    }

    /// <summary>
    /// A congress session of the term, opened with its one representative (the worker, signed in on their own account),
    /// who checks in, reads a document and passes a motion; then closed: a session, an agenda step, a document, a vote
    /// and a resolution.
    /// </summary>
    private async Task<(Caller Representative, Dictionary<string, Guid> Ids)> HoldCongressAsync(TestEnterprise enterprise, Guid termId, Guid workerId)
    {
        const string Congress = "/api/v1/congress";
        var admin = enterprise.Client;
        var representative = await this.NewUserAsync(admin, "representative", enterprise.Id, workerId);
        var session = await admin.CreateAsync($"{Congress}/sessions",
            new { termId, number = 1, kind = "regular", mode = "hybrid", heldOn = DateTime.Today.ToString("yyyy-MM-dd") });
        var url = $"{Congress}/sessions/{session.Id()}";
        var agenda = await (await admin.PutAsync($"{url}/agenda",
                new { steps = new[] { new { kind = "checkIn", channel = "online", startsAt = DateTimeOffset.Now, endsAt = DateTimeOffset.Now.AddHours(1) } } }, "\"1\""))
            .ExpectJsonAsync();
        await (await admin.PostAsync($"{url}/open", null, "\"2\"")).ExpectJsonAsync();
        await (await admin.PostAsync($"{url}/agenda/{agenda[0]!.Id()}/open")).ExpectJsonAsync();
        var document = await (await admin.SendAsync(HttpMethod.Post, $"{url}/documents", PdfForm())).ExpectJsonAsync(HttpStatusCode.Created);
        await (await representative.PostAsync($"{Congress}/my/sessions/{session.Id()}/check-in")).ExpectJsonAsync();
        var motion = await admin.CreateAsync($"{url}/motions", new { title = "关于职工福利方案的决议" });
        await (await admin.PostAsync($"{Congress}/polls/{motion.Id()}/open")).ExpectJsonAsync();
        await (await representative.PostAsync($"{Congress}/my/polls/{motion.Id()}/ballot", new { choices = new[] { new { item = 1, choice = "for" } } }))
            .ExpectJsonAsync();
        await (await admin.PostAsync($"{Congress}/polls/{motion.Id()}/close")).ExpectJsonAsync();
        await (await admin.PostAsync($"{url}/close", null, "\"3\"")).ExpectJsonAsync();
        var resolutions = await (await admin.GetAsync($"{Congress}/resolutions?sessionId={session.Id()}")).ExpectJsonAsync();
        return (representative, new Dictionary<string, Guid>
        {
            ["sessions"] = session.Id(),
            ["agenda"] = agenda[0]!.Id(),
            ["polls"] = motion.Id(),
            ["resolutions"] = resolutions["items"]![0]!.Id(),
            ["documents"] = document.Id(),
        });
    }

    /// <summary>A small PDF posted as the admin UI uploads a document for review.</summary>
    public static MultipartFormDataContent PdfForm() => new()
    {
        { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", "工作报告.pdf" },
        { new StringContent("企业工作报告"), "title" },
    };
}
