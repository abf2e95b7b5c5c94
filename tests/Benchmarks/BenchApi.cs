using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workforce.Benchmarks;

/// <summary>An enterprise to load, with one unit (车间) and an API key of its own, set up through the API as an administrator would.</summary>
internal sealed record BenchEnterprise(Guid Id, string Key);

/// <summary>An enterprise with one unit (车间) and its union administrator, signed in (session cookie and antiforgery token).</summary>
internal sealed record BenchUnion(Guid Id, Guid UnitId, HttpClient Client);

internal static class BenchApi
{
    private static readonly Guid Platform = new("00000000-0000-7000-8000-000000000001");
    private const string Organisations = "/api/v1/directory/organisations";
    public const string Password = "Bench-Password-2026";

    public static async Task<IReadOnlyList<BenchEnterprise>> EnterprisesAsync(Uri api, string adminPassword, int count)
    {
        using var admin = await SignInAsync(api, "admin", adminPassword);
        var region = await CreateAsync(admin, Organisations, new { parentId = Platform, kind = "region", name = "基准测试区" });
        var enterprises = new List<BenchEnterprise>();
        for (var n = 1; n <= count; n++)
        {
            var union = await EnterpriseAsync(api, admin, region, $"基准测试企业{n}", $"bench-admin-{n}");
            using var enterpriseAdmin = union.Client;
            var client = await PostAsync(enterpriseAdmin, "/api/v1/access/clients",
                new { name = "基准测试", scopes = new[] { "directory.workers.read", "directory.workers.write", "directory.organisations.read" } });
            enterprises.Add(new BenchEnterprise(union.Id, client["key"]!.GetValue<string>()));
        }
        return enterprises;
    }

    /// <summary>An enterprise of its own, under a region of its own, and its union administrator signed in.</summary>
    public static async Task<BenchUnion> UnionAsync(Uri api, string adminPassword, string name, string loginName)
    {
        using var admin = await SignInAsync(api, "admin", adminPassword);
        var region = await CreateAsync(admin, Organisations, new { parentId = Platform, kind = "region", name = $"{name}所在区" });
        return await EnterpriseAsync(api, admin, region, name, loginName);
    }

    private static async Task<BenchUnion> EnterpriseAsync(Uri api, HttpClient admin, Guid region, string name, string loginName)
    {
        var enterprise = await CreateAsync(admin, Organisations, new { parentId = region, kind = "enterprise", name });
        await CreateAsync(admin, "/api/v1/access/users",
            new { loginName, displayName = loginName, password = Password, role = "enterpriseAdmin", organisationId = enterprise });
        var union = await SignInAsync(api, loginName, Password);
        var unit = await CreateAsync(union, Organisations, new { parentId = enterprise, kind = "unit", name = "车间" });
        return new BenchUnion(enterprise, unit, union);
    }

    /// <summary>A client calling the API with the enterprise's key, as an HR system or script does.</summary>
    public static HttpClient Client(Uri api, BenchEnterprise enterprise, HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = api;
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", enterprise.Key);
        return http;
    }

    private static async Task<HttpClient> SignInAsync(Uri api, string loginName, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = api };
        var response = await http.PostAsJsonAsync("/api/v1/access/login", new { loginName, password });
        var session = await ReadAsync(response);
        http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", session["antiforgeryToken"]!.GetValue<string>());
        return http;
    }

    public static async Task<Guid> CreateAsync(HttpClient http, string url, object body) => (await PostAsync(http, url, body))["id"]!.GetValue<Guid>();

    public static async Task<JsonNode> PostAsync(HttpClient http, string url, object body) => await ReadAsync(await http.PostAsJsonAsync(url, body));

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }
        return JsonNode.Parse(text)!;
    }
}
