using System.Text.Json.Nodes;

namespace Workforce.TestKit;

/// <summary>
/// The organisations and people a test starts from, created through the API as their administrators would: the
/// platform administrator opens a region and its office's account; the office opens an enterprise and its union's.
/// </summary>
public static class Scenario
{
    public static readonly Guid Platform = new("00000000-0000-7000-8000-000000000001");
    public const string Password = "Test-Password-2026";
    private const string Organisations = "/api/v1/directory/organisations";

    /// <summary>A fresh region and a signed-in administrator of it.</summary>
    public static async Task<TestRegion> NewRegionAsync(this WorkforceApi api)
    {
        var admin = await api.AdminAsync();
        var region = await admin.CreateAsync(Organisations, new { parentId = Platform, kind = "region", name = TestIdentity.NewName("测试区域") });
        return new TestRegion(region.Id(), await api.NewUserAsync(admin, "regionAdmin", region.Id()));
    }

    /// <summary>A fresh enterprise (under a fresh region) and a signed-in union administrator of it.</summary>
    public static async Task<TestEnterprise> NewEnterpriseAsync(this WorkforceApi api)
    {
        var region = await api.NewRegionAsync();
        var enterprise = await region.Client.CreateAsync(Organisations,
            new { parentId = region.Id, kind = "enterprise", name = TestIdentity.NewName("测试企业") });
        return new TestEnterprise(region, enterprise.Id(), await api.NewUserAsync(region.Client, "enterpriseAdmin", enterprise.Id()));
    }

    /// <summary>Has <paramref name="creator"/> create an account with a role at an organisation, and signs it in.</summary>
    public static async Task<Caller> NewUserAsync(this WorkforceApi api, Caller creator, string role, Guid organisationId, Guid? workerId = null)
    {
        var login = TestIdentity.NewLoginName(role);
        await creator.CreateAsync("/api/v1/access/users",
            new { loginName = login, displayName = login, password = Password, role, organisationId, workerId });
        return await api.SignInAsync(login, Password);
    }
}

public sealed record TestRegion(Guid Id, Caller Client);

public sealed record TestEnterprise(TestRegion Region, Guid Id, Caller Client)
{
    public Guid RegionId => Region.Id;

    public Task<JsonNode> AddUnitAsync(string? name = null, Guid? parentId = null, string kind = "unit") =>
        Client.CreateAsync("/api/v1/directory/organisations",
            new { parentId = parentId ?? Id, kind, name = name ?? TestIdentity.NewName("车间") });

    /// <summary>A complete, valid worker body; tests change or remove fields to make it invalid.</summary>
    public static Dictionary<string, object?> WorkerBody(Guid unitId) => new()
    {
        ["name"] = TestIdentity.NewName("张"),
        ["employeeNumber"] = TestIdentity.NewEmployeeNumber(),
        ["residentId"] = TestIdentity.NewResidentId(),
        ["phone"] = TestIdentity.NewPhone(),
        ["unitId"] = unitId,
        ["post"] = "装配工",
        ["skillGrade"] = "advanced",
        ["unionMember"] = true,
        ["unionJoinedOn"] = "2015-03-01",
        ["partyMember"] = false,
        ["hiredOn"] = "2010-07-01",
    };

    public async Task<JsonNode> RegisterWorkerAsync(Guid? unitId = null, Action<Dictionary<string, object?>>? change = null)
    {
        var body = WorkerBody(unitId ?? Id);
        change?.Invoke(body);
        return await Client.CreateAsync("/api/v1/directory/workers", body);
    }

    public Task<JsonNode> CreateTermAsync(int number = 3) =>
        Client.CreateAsync("/api/v1/directory/terms", new { number, startsOn = "2024-01-01", endsOn = "2028-12-31" });

    /// <summary>An API client of this enterprise with these scopes (all of the administrator's when none are named), and its key.</summary>
    public async Task<(JsonNode Client, string Key)> CreateApiClientAsync(params string[] scopes)
    {
        if (scopes.Length == 0)
        {
            var me = await (await Client.GetAsync("/api/v1/access/me")).ExpectJsonAsync();
            scopes = me["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToArray();
        }
        var issued = await Client.CreateAsync("/api/v1/access/clients", new { name = TestIdentity.NewName("集成"), scopes });
        return (issued["client"]!, issued.Str("key"));
    }
}
