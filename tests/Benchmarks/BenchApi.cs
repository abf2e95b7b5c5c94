using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workforce.Benchmarks;

/// <summary>An enterprise to load, with one unit (车间) and an API key of its own, set up through the API as an administrator would.</summary>
internal sealed record BenchEnterprise(Guid Id, string Key);

internal static class BenchApi
{
    private static readonly Guid Platform = new("00000000-0000-7000-8000-000000000001");
    private const string Password = "Bench-Password-2026";

    public static async Task<IReadOnlyList<BenchEnterprise>> EnterprisesAsync(Uri api, string adminPassword, int count)
    {
        using var admin = await SignInAsync(api, "admin", adminPassword);
        var region = await CreateAsync(admin, "/api/v1/directory/organisations", new { parentId = Platform, kind = "region", name = "基准测试区" });
        var enterprises = new List<BenchEnterprise>();
        for (var n = 1; n <= count; n++)
        {
            var enterprise = await CreateAsync(admin, "/api/v1/directory/organisations", new { parentId = region, kind = "enterprise", name = $"基准测试企业{n}" });
            var login = $"bench-admin-{n}";
            await CreateAsync(admin, "/api/v1/access/users",
                new { loginName = login, displayName = login, password = Password, role = "enterpriseAdmin", organisationId = enterprise });
            using var enterpriseAdmin = await SignInAsync(api, login, Password);
            await CreateAsync(enterpriseAdmin, "/api/v1/directory/organisations", new { parentId = enterprise, kind = "unit", name = "车间" });
            var client = await PostAsync(enterpriseAdmin, "/api/v1/access/clients",
                new { name = "基准测试", scopes = new[] { "directory.workers.read", "directory.workers.write", "directory.organisations.read" } });
            enterprises.Add(new BenchEnterprise(enterprise, client["key"]!.GetValue<string>()));
        }
        return enterprises;
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

    private static async Task<Guid> CreateAsync(HttpClient http, string url, object body) => (await PostAsync(http, url, body))["id"]!.GetValue<Guid>();

    private static async Task<JsonNode> PostAsync(HttpClient http, string url, object body) => await ReadAsync(await http.PostAsJsonAsync(url, body));

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
