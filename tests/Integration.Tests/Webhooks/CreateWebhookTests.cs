using Dapper;
using Npgsql;

namespace Workforce.Integration.Tests.Webhooks;

public sealed class CreateWebhookTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task Creating_a_webhook_returns_it_with_its_secret_location_and_etag()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(WebhookCalls.Webhooks,
            new { url = " https://hr.example.test/workforce/events ", eventTypes = new[] { "directory.worker.updated", "directory.worker.registered", "directory.worker.updated" } });

        var issued = await response.ExpectJsonAsync(HttpStatusCode.Created);
        var webhook = issued["webhook"]!;
        Assert.Equal(WebhookCalls.Webhook(webhook.Id()), response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal("https://hr.example.test/workforce/events", webhook.Str("url"));
        Assert.Equal(["directory.worker.registered", "directory.worker.updated"], webhook["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("active", webhook.Str("status"));
        Assert.Equal(enterprise.Id, webhook["organisationId"]!.GetValue<Guid>());
        Assert.StartsWith("whsec_", issued.Str("secret"));
        Assert.True(issued.Str("secret").Length >= 40);
    }

    [Fact]
    public async Task The_secret_is_shown_once_kept_encrypted_and_redacted_in_the_audit_trail()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (id, secret) = await enterprise.CreateWebhookAsync("https://hr.example.test/hooks");

        var read = await (await enterprise.Client.GetAsync(WebhookCalls.Webhook(id))).Content.ReadAsStringAsync();
        var list = await (await enterprise.Client.GetAsync(WebhookCalls.Webhooks)).Content.ReadAsStringAsync();
        var audit = await (await enterprise.Client.GetAsync("/api/v1/access/audit?limit=200")).ExpectJsonAsync();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        var row = await connection.QuerySingleAsync<string>("SELECT w::text FROM integration.webhook_subscriptions w WHERE id = @id", new { id });

        Assert.Contains(id.ToString(), read);
        Assert.Contains(id.ToString(), list);
        Assert.DoesNotContain(secret, read + list + audit.ToJsonString() + row);
        Assert.DoesNotContain(secret[6..20], read + list + audit.ToJsonString() + row);
        var created = audit.Items().Single(e => e!.Str("operation") == "CreateWebhook" && e!["entityId"]!.GetValue<Guid>() == id)!;
        Assert.Equal("[redacted]", created["changes"]!["secret_cipher"]!["after"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_event_types_every_type_is_sent_and_a_webhook_may_start_paused()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var webhook = (await enterprise.Client.CreateAsync(WebhookCalls.Webhooks, new { url = "http://hr.example.test/hooks", status = "paused" }))["webhook"]!;

        Assert.Empty(webhook["eventTypes"]!.AsArray());
        Assert.Equal("paused", webhook.Str("status"));
    }

    [Theory]
    [InlineData(null, "url")]
    [InlineData("  ", "url")]
    [InlineData("/relative/path", "url")]
    [InlineData("ftp://files.example.test/hooks", "url")]
    [InlineData("https://user:password@hr.example.test/hooks", "url")]
    [InlineData("mailto:hr@example.test", "url")]
    public async Task A_url_that_is_not_an_absolute_http_address_is_refused(string? url, string field)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(WebhookCalls.Webhooks, new { url });

        await response.ExpectInvalidFieldsAsync(field);
    }

    [Theory]
    [InlineData("directory")]
    [InlineData("directory.worker")]
    [InlineData("Directory.Worker.Registered")]
    [InlineData("directory.worker.*")]
    [InlineData("")]
    public async Task An_event_type_that_is_not_one_is_refused(string eventType)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(WebhookCalls.Webhooks, new { url = "https://hr.example.test/hooks", eventTypes = new[] { eventType } });

        await response.ExpectInvalidFieldsAsync("eventTypes[0]");
    }

    [Fact]
    public async Task Handlers_may_not_manage_webhooks()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var handler = await api.NewUserAsync(enterprise.Client, "handler", enterprise.Id);

        var response = await handler.PostAsync(WebhookCalls.Webhooks, new { url = "https://hr.example.test/hooks" });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
