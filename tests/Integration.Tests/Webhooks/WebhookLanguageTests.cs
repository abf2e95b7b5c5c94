namespace Workforce.Integration.Tests.Webhooks;

/// <summary>Webhooks' refusals, validation messages and delivery log are said in Chinese to a caller asking for it (Accept-Language: zh-CN).</summary>
public sealed class WebhookLanguageTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task An_unknown_webhook_is_said_in_Chinese_with_its_id_and_in_English_otherwise()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var id = Guid.NewGuid();

        var chinese = await (await enterprise.Client.InChinese().GetAsync(WebhookCalls.Webhook(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        var english = await (await enterprise.Client.GetAsync(WebhookCalls.Webhook(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");

        Assert.Equal(("未找到该 Webhook 订阅。", $"本组织没有编号为 {id} 的 Webhook 订阅。"), (chinese.Title, chinese.Detail));
        Assert.Equal(("The webhook was not found.", $"There is no webhook {id} in this organisation."), (english.Title, english.Detail));
    }

    [Fact]
    public async Task A_webhook_s_url_and_event_types_are_corrected_in_Chinese()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = new { url = "ftp://files.example.test/hooks", eventTypes = new[] { "directory" } };
        var limit = IntegrationCalls.Events + "?limit=0";

        var chinese = await (await enterprise.Client.InChinese().PostAsync(WebhookCalls.Webhooks, body)).ExpectInvalidFieldsAsync("url", "eventTypes[0]");
        var english = await (await enterprise.Client.PostAsync(WebhookCalls.Webhooks, body)).ExpectInvalidFieldsAsync("url", "eventTypes[0]");
        var limitInChinese = await (await enterprise.Client.InChinese().GetAsync(limit)).ExpectInvalidFieldsAsync("limit");
        var limitInEnglish = await (await enterprise.Client.GetAsync(limit)).ExpectInvalidFieldsAsync("limit");

        Assert.Equal(["请填写以 http:// 或 https:// 开头的完整地址，不要带用户名和密码。"], chinese.Errors!["url"]);
        Assert.Equal(["“directory”不是事件类型：事件类型形如“模块.对象.事件”。"], chinese.Errors!["eventTypes[0]"]);
        Assert.Equal(["Give an absolute http or https URL, without a user name or password."], english.Errors!["url"]);
        Assert.Equal(["'directory' is not an event type: they are named module.entity.happening."], english.Errors!["eventTypes[0]"]);
        // FluentValidation's own message, naming the field as the module names it in Chinese.
        Assert.Equal(["'每页条数' 必须在 1 (包含)和 1000 (包含)之间， 您输入了 0。"], limitInChinese.Errors!["limit"]);
        Assert.Equal(["'Limit' must be between 1 and 1000. You entered 0."], limitInEnglish.Errors!["limit"]);
    }

    [Fact]
    public async Task What_became_of_a_delivery_is_read_in_the_reader_s_language()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Answer(410);
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url);

        await enterprise.RegisterWorkerAsync();

        await enterprise.DeliveriesUntilAsync(webhook, "the refusal to be written down", log => log.Any(d => d.Str("status") == "failed"));
        var inChinese = await (await enterprise.Client.InChinese().GetAsync(WebhookCalls.Deliveries(webhook))).ExpectJsonAsync();
        var inEnglish = await (await enterprise.Client.GetAsync(WebhookCalls.Deliveries(webhook))).ExpectJsonAsync();
        Assert.Equal("接收方答复 410 Gone，不再重试。", inChinese.Items().Single()!.Str("lastError"));
        Assert.Equal("The receiver answered 410 Gone; not retried.", inEnglish.Items().Single()!.Str("lastError"));
    }
}
