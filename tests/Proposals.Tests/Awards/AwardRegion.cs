namespace Workforce.Proposals.Tests.Awards;

/// <summary>Regions running award campaigns, as the award tests set them up over the API.</summary>
public static class AwardRegion
{
    /// <summary>A new enterprise of the region, with its union's administrator.</summary>
    public static async Task<TestEnterprise> EnterpriseInAsync(this WorkforceApi api, TestRegion region)
    {
        var enterprise = await region.Client.CreateAsync("/api/v1/directory/organisations",
            new { parentId = region.Id, kind = "enterprise", name = TestIdentity.NewName("测试企业") });
        return new TestEnterprise(region, enterprise.Id(), await api.NewUserAsync(region.Client, "enterpriseAdmin", enterprise.Id()));
    }
}
