namespace Workforce.Directory.Tests.Representatives;

public sealed class ListRepresentativesTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Representatives_are_listed_by_group_number_then_name_in_pinyin_order_and_filtered()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var term = await enterprise.CreateTermAsync();
        var url = $"/api/v1/directory/terms/{term.Id()}/representatives";
        foreach (var (name, group) in new[] { ("赵六", "第一代表组"), ("阿明", "第二代表组"), ("李四", "第一代表组") })
        {
            var worker = await enterprise.RegisterWorkerAsync(change: b => b["name"] = name);
            await enterprise.Client.CreateAsync(url, new { workerId = worker.Id(), delegationGroup = group });
        }
        var leaving = await enterprise.RegisterWorkerAsync(change: b => b["name"] = "钱七");
        var ended = await enterprise.Client.CreateAsync(url, new { workerId = leaving.Id(), delegationGroup = "第一代表组" });
        await (await enterprise.Client.PostAsync($"/api/v1/directory/representatives/{ended.Id()}/end",
            new { endedOn = "2025-01-01", reason = "辞职" }, "\"1\"")).ExpectJsonAsync();

        Assert.Equal(["李四", "钱七", "赵六", "阿明"], await Names(enterprise, url + "?limit=3", url + "?limit=3&cursor="));
        Assert.Equal(["李四", "赵六"], await Names(enterprise, url + "?active=true&delegationGroup=第一代表组"));
        Assert.Equal(["钱七"], await Names(enterprise, url + "?active=false"));
    }

    [Fact]
    public async Task Delegation_groups_come_in_the_order_of_their_numbers_across_pages_with_unnumbered_ones_last()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var term = await enterprise.CreateTermAsync();
        var url = $"/api/v1/directory/terms/{term.Id()}/representatives";
        string[] inOrder = ["第一代表团", "第二代表团", "第三代表团", "第四代表团", "第5代表团", "第十代表团", "第十一代表团", "第十二代表团", "第二十一代表团", "后勤代表组", "机关代表组"];
        foreach (var group in inOrder.Reverse())
        {
            var worker = await enterprise.RegisterWorkerAsync(change: b => b["name"] = "代表" + group);
            await enterprise.Client.CreateAsync(url, new { workerId = worker.Id(), delegationGroup = group });
        }

        Assert.Equal(inOrder.Select(group => "代表" + group), await Names(enterprise, url + "?limit=4", url + "?limit=4&cursor="));
    }

    [Fact]
    public async Task An_unknown_term_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"/api/v1/directory/terms/{Guid.NewGuid()}/representatives");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "term_not_found");
    }

    /// <summary>Every name on every page, following nextCursor with <paramref name="next"/>.</summary>
    private static async Task<List<string>> Names(TestEnterprise enterprise, string first, string? next = null)
    {
        var names = new List<string>();
        var url = first;
        while (true)
        {
            var page = await (await enterprise.Client.GetAsync(url)).ExpectJsonAsync();
            names.AddRange(page["items"]!.AsArray().Select(r => r!.Str("workerName")));
            if (page["nextCursor"]?.GetValue<string>() is not { } cursor)
            {
                return names;
            }
            url = next! + cursor;
        }
    }
}
