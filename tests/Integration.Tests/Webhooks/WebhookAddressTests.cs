namespace Workforce.Integration.Tests.Webhooks;

/// <summary>
/// With private networks not allowed (the default), a webhook's URL is refused as soon as it is set when its host is
/// or resolves to an address webhooks may not reach; each delivery checks again (WebhookSenderTests).
/// </summary>
public sealed class WebhookAddressTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    public static TheoryData<string> NonPublicHosts =>
    [
        "127.0.0.1", "2130706433", "169.254.169.254", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "0.0.0.0", "224.0.0.1",
        "[::]", "[::1]", "[fe80::1]", "[fd00::1]", "[ff02::1]",
        "[::ffff:127.0.0.1]", "[::127.0.0.1]", "[64:ff9b::169.254.169.254]", "[2002:a9fe:a9fe::1]",
        "localhost",
    ];

    [Theory]
    [MemberData(nameof(NonPublicHosts))]
    public async Task Creating_a_webhook_to_a_non_public_address_is_refused_and_nothing_is_written(string host)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(WebhookCalls.Webhooks, new { url = $"http://{host}:8080/hooks" });

        var problem = await response.ExpectInvalidFieldsAsync("url");
        Assert.Contains("non-public", problem.Errors!["url"][0]);
        Assert.Empty((await (await enterprise.Client.GetAsync(WebhookCalls.Webhooks)).ExpectJsonAsync()).Items());
    }

    [Theory]
    [MemberData(nameof(NonPublicHosts))]
    public async Task Moving_a_webhook_to_a_non_public_address_is_refused_and_it_keeps_its_url(string host)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (id, _) = await enterprise.CreateWebhookAsync("https://203.119.25.1/hooks");
        var read = await enterprise.Client.GetAsync(WebhookCalls.Webhook(id));

        var response = await enterprise.Client.PutAsync(WebhookCalls.Webhook(id), new { url = $"https://{host}/hooks", status = "active" }, read.ETag());

        await response.ExpectInvalidFieldsAsync("url");
        var unchanged = await (await enterprise.Client.GetAsync(WebhookCalls.Webhook(id))).ExpectJsonAsync();
        Assert.Equal("https://203.119.25.1/hooks", unchanged.Str("url"));
        Assert.Equal(1, unchanged["version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("https://203.119.25.1/hooks")]
    [InlineData("https://[2001:4860:4860::8888]/hooks")]
    [InlineData("https://[64:ff9b::203.119.25.1]/hooks")]
    [InlineData("https://hr.example.test/hooks")]
    public async Task Public_addresses_and_names_that_do_not_resolve_yet_are_accepted(string url)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var created = await enterprise.Client.CreateAsync(WebhookCalls.Webhooks, new { url });

        Assert.Equal(url, created["webhook"]!.Str("url"));
    }
}
