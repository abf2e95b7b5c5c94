namespace Workforce.Integration.Tests.Webhooks;

public sealed class ListWebhooksTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task Webhooks_are_listed_newest_first_filtered_by_status_and_paged()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (first, _) = await enterprise.CreateWebhookAsync("https://hr.example.test/1");
        var (second, _) = await enterprise.CreateWebhookAsync("https://hr.example.test/2", status: "paused");
        var (third, _) = await enterprise.CreateWebhookAsync("https://hr.example.test/3");

        var all = await (await enterprise.Client.GetAsync($"{WebhookCalls.Webhooks}?total=true")).ExpectJsonAsync();
        var paused = await (await enterprise.Client.GetAsync($"{WebhookCalls.Webhooks}?status=paused")).ExpectJsonAsync();
        var page1 = await (await enterprise.Client.GetAsync($"{WebhookCalls.Webhooks}?limit=2")).ExpectJsonAsync();
        var page2 = await (await enterprise.Client.GetAsync($"{WebhookCalls.Webhooks}?limit=2&cursor={page1.Str("nextCursor")}")).ExpectJsonAsync();

        Assert.Equal([third, second, first], all.Items().Select(w => w!.Id()));
        Assert.Equal(3, all["total"]!.GetValue<long>());
        Assert.Equal([second], paused.Items().Select(w => w!.Id()));
        Assert.Equal([third, second], page1.Items().Select(w => w!.Id()));
        Assert.Equal([first], page2.Items().Select(w => w!.Id()));
        Assert.Null(page2["nextCursor"]?.GetValue<string>());
        Assert.DoesNotContain("secret", all.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
