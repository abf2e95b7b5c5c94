namespace Workforce.Integration.Tests.Webhooks;

public sealed class UpdateWebhookTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    private static readonly object Change = new { url = "https://hr.example.test/v2/hooks", eventTypes = new[] { "directory.worker.deactivated" }, status = "paused" };

    [Fact]
    public async Task Updating_replaces_the_url_event_types_and_status_and_moves_the_version()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (id, _) = await enterprise.CreateWebhookAsync("https://hr.example.test/hooks");
        var read = await enterprise.Client.GetAsync(WebhookCalls.Webhook(id));

        var response = await enterprise.Client.PutAsync(WebhookCalls.Webhook(id), Change, read.ETag());

        var updated = await response.ExpectJsonAsync();
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal("https://hr.example.test/v2/hooks", updated.Str("url"));
        Assert.Equal(["directory.worker.deactivated"], updated["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("paused", updated.Str("status"));
        var again = await (await enterprise.Client.GetAsync(WebhookCalls.Webhook(id))).ExpectJsonAsync();
        Assert.Equal(updated.ToJsonString(), again.ToJsonString());
    }

    [Fact]
    public async Task Updating_needs_the_current_etag()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (id, _) = await enterprise.CreateWebhookAsync("https://hr.example.test/hooks");

        await (await enterprise.Client.PutAsync(WebhookCalls.Webhook(id), Change)).ExpectProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        await (await enterprise.Client.PutAsync(WebhookCalls.Webhook(id), Change, "\"2\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var unchanged = await (await enterprise.Client.GetAsync(WebhookCalls.Webhook(id))).ExpectJsonAsync();
        Assert.Equal(1, unchanged["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Updating_needs_every_field_valid()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (id, _) = await enterprise.CreateWebhookAsync("https://hr.example.test/hooks");

        var response = await enterprise.Client.PutAsync(WebhookCalls.Webhook(id), new { url = "hooks", eventTypes = new[] { "nope" } }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("url", "eventTypes[0]", "status");
    }

    [Fact]
    public async Task Another_tenants_webhook_is_not_found_to_read_update_delete_or_list_deliveries_of()
    {
        var ours = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();
        var (id, _) = await theirs.CreateWebhookAsync("https://hr.example.test/hooks");

        await (await ours.Client.GetAsync(WebhookCalls.Webhook(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await ours.Client.PutAsync(WebhookCalls.Webhook(id), Change, "\"1\"")).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await ours.Client.DeleteAsync(WebhookCalls.Webhook(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await ours.Client.GetAsync(WebhookCalls.Deliveries(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        Assert.DoesNotContain(id.ToString(), await (await ours.Client.GetAsync(WebhookCalls.Webhooks)).Content.ReadAsStringAsync());
        await (await theirs.Client.GetAsync(WebhookCalls.Webhook(id))).ExpectJsonAsync();
    }

    [Fact]
    public async Task Deleting_removes_the_webhook_and_its_delivery_log()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (id, _) = await enterprise.CreateWebhookAsync("https://hr.example.test/hooks", status: "paused");
        await enterprise.RegisterWorkerAsync();
        await enterprise.DeliveriesUntilAsync(id, "the registration to be queued", log => log.Count == 1);

        var response = await enterprise.Client.DeleteAsync(WebhookCalls.Webhook(id));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await enterprise.Client.GetAsync(WebhookCalls.Webhook(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await enterprise.Client.GetAsync(WebhookCalls.Deliveries(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        await (await enterprise.Client.DeleteAsync(WebhookCalls.Webhook(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
    }

    [Fact]
    public async Task Updating_stamps_the_server_s_clock()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (id, _) = await enterprise.CreateWebhookAsync("https://hr.example.test/hooks");
        var read = await enterprise.Client.GetAsync(WebhookCalls.Webhook(id));
        var moment = new DateTimeOffset(2026, 1, 20, 10, 0, 0, TimeSpan.FromHours(8));

        using (api.Clock.At(moment))
        {
            var updated = await (await enterprise.Client.PutAsync(WebhookCalls.Webhook(id), Change, read.ETag())).ExpectJsonAsync();

            Assert.Equal(moment, updated["updatedAt"]!.GetValue<DateTimeOffset>());
        }
    }
}
