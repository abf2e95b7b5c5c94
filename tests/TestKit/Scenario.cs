using System.Text.Json.Nodes;

namespace Workforce.TestKit;

/// <summary>The organisations and people a test starts from, created through the API itself.</summary>
public static class Scenario
{
    public static readonly Guid Platform = new("00000000-0000-7000-8000-000000000001");

    public static async Task<JsonNode> NewRegionAsync(this WorkforceApi api) =>
        await api.Client(Platform).CreateAsync("/api/v1/directory/organisations",
            new { parentId = Platform, kind = "region", name = TestIdentity.NewName("测试区域") });

    /// <summary>A fresh enterprise (under a fresh region) and a client acting for it.</summary>
    public static async Task<TestEnterprise> NewEnterpriseAsync(this WorkforceApi api)
    {
        var region = await api.NewRegionAsync();
        var enterprise = await api.Client(region.Id()).CreateAsync("/api/v1/directory/organisations",
            new { parentId = region.Id(), kind = "enterprise", name = TestIdentity.NewName("测试企业") });
        return new TestEnterprise(region.Id(), enterprise.Id(), api.Client(enterprise.Id()));
    }
}

public sealed record TestEnterprise(Guid RegionId, Guid Id, ApiClient Client)
{
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
}
