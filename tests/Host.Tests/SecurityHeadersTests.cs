using System.Text;

namespace Workforce.Host.Tests;

/// <summary>
/// What every kind of response tells the browser: the admin app runs only its own scripts and is never framed; the API
/// runs and loads nothing and, unless it says otherwise, is never stored; downloads are attachments, never sniffed.
/// </summary>
public sealed class SecurityHeadersTests(AdminUiApi api) : IClassFixture<AdminUiApi>
{
    [Theory]
    [InlineData("/", "no-cache")]
    [InlineData("/rep", "no-cache")]
    [InlineData("/directory/organisations/0196f2a0-0000-7000-8000-000000000000", "no-cache")]
    [InlineData("/assets/index-abc123.js", "public, max-age=31536000, immutable")]
    public async Task The_admin_app_runs_only_its_own_scripts_is_never_framed_and_keeps_its_caching(string path, string caching)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = ContentSecurityPolicy(response);
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Contains("'self'", policy["style-src"]);
        Assert.DoesNotContain(policy.Values.SelectMany(sources => sources), source => source is "'unsafe-eval'" or "*" || source.StartsWith("http", StringComparison.Ordinal));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal(caching, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_read_with_a_full_resident_id_and_phone_is_never_stored_and_may_neither_run_nor_load_anything()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();

        var response = await enterprise.Client.GetAsync($"/api/v1/directory/workers/{worker.Id()}");

        var read = await response.ExpectJsonAsync();
        Assert.Equal(worker.Str("residentId"), read.Str("residentId"));
        AssertNeverStored(response);
        Assert.NotNull(response.Headers.ETag);
        AssertApiHeaders(response);
    }

    [Fact]
    public async Task Problem_documents_are_never_stored_and_may_neither_run_nor_load_anything()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var responses = new[]
        {
            await api.CreateClient().GetAsync("/api/v1/no-such-thing"),
            await api.CreateClient().GetAsync("/api/v1/directory/workers"),
            await enterprise.Client.PostAsync("/api/v1/directory/workers", new { name = "" }),
        };

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.UnprocessableEntity], responses.Select(r => r.StatusCode));
        Assert.All(responses, response =>
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            AssertNeverStored(response);
            AssertApiHeaders(response);
        });
    }

    [Fact]
    public async Task A_download_of_rejected_rows_holding_resident_ids_is_an_attachment_never_stored_or_sniffed()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var rows = $"姓名,工号,身份证号,手机,部门,岗位,技能等级,入职日期\r\n张三,E{Guid.NewGuid():N},{TestIdentity.NewResidentId()},{TestIdentity.NewPhone()},没有这个部门,装配工,高级工,2010-07-01\r\n";
        var accepted = await (await enterprise.Client.SendAsync(HttpMethod.Post, "/api/v1/directory/imports/workers?mode=skipInvalid",
            new ByteArrayContent(Encoding.UTF8.GetBytes(rows)))).ExpectJsonAsync(HttpStatusCode.Accepted);
        var job = await Eventually.ForAsync("the import to finish", async () =>
            await (await enterprise.Client.GetAsync($"/api/v1/directory/imports/{accepted.Id()}")).ExpectJsonAsync(),
            state => state["finished"]!.GetValue<bool>());

        var response = await enterprise.Client.GetAsync(job.Str("rejectedRowsUrl"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        AssertNeverStored(response);
        AssertApiHeaders(response);
    }

    [Fact]
    public async Task A_congress_document_download_is_an_attachment_never_sniffed_and_keeps_its_revalidation_by_etag()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var session = await PlannedSessionAsync(enterprise);
        var file = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n%%EOF\n")), "file", "工作报告.pdf" } };
        file.Add(new StringContent("工作报告"), "title");
        var document = await (await enterprise.Client.SendAsync(HttpMethod.Post, $"/api/v1/congress/sessions/{session}/documents", file))
            .ExpectJsonAsync(HttpStatusCode.Created);

        var response = await enterprise.Client.GetAsync($"/api/v1/congress/documents/{document.Id()}/content");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("工作报告.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal((true, true, false), (response.Headers.CacheControl!.Private, response.Headers.CacheControl.NoCache, response.Headers.CacheControl.NoStore));
        Assert.NotNull(response.Headers.ETag);
        AssertApiHeaders(response);
    }

    [Fact]
    public async Task The_printable_results_page_keeps_its_own_policy_and_is_never_framed_or_stored()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var session = await PlannedSessionAsync(enterprise);
        foreach (var step in new[] { "open", "close" })
        {
            var current = await enterprise.Client.GetAsync($"/api/v1/congress/sessions/{session}");
            await (await enterprise.Client.PostAsync($"/api/v1/congress/sessions/{session}/{step}", null, current.ETag())).ExpectJsonAsync();
        }

        var response = await enterprise.Client.GetAsync($"/api/v1/congress/sessions/{session}/results?format=html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = ContentSecurityPolicy(response);
        Assert.Equal(["'none'"], policy["default-src"]);
        Assert.Equal(["'unsafe-inline'"], policy["style-src"]);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        AssertNeverStored(response);
    }

    private static void AssertNeverStored(HttpResponseMessage response) =>
        Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri} may be stored: {response.Headers.CacheControl}");

    /// <summary>Nothing the API answers may run, load anything, be framed, be read cross-origin, or send a referrer.</summary>
    private static void AssertApiHeaders(HttpResponseMessage response)
    {
        var policy = ContentSecurityPolicy(response);
        Assert.Equal(["'none'"], policy["default-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Resource-Policy"));
    }

    /// <summary>A planned session of a term with one representative serving, so that it may be opened.</summary>
    private static async Task<Guid> PlannedSessionAsync(TestEnterprise enterprise)
    {
        var term = await enterprise.CreateTermAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        await enterprise.Client.CreateAsync($"/api/v1/directory/terms/{term.Id()}/representatives", new { workerId = worker.Id(), delegationGroup = "第一代表团" });
        var session = await enterprise.Client.CreateAsync("/api/v1/congress/sessions", new
        {
            termId = term.Id(),
            number = 1,
            kind = "regular",
            mode = "offline",
            heldOn = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd"),
            venue = "职工活动中心",
        });
        return session.Id();
    }

    /// <summary>The one value of a header, whichever collection of the response holds it.</summary>
    private static string Header(HttpResponseMessage response, string name) =>
        (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}")).Single();

    private static Dictionary<string, string[]> ContentSecurityPolicy(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(directive => directive.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[0], parts => parts[1..]);
}
