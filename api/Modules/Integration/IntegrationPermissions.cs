namespace Workforce.Integration;

/// <summary>The permissions Integration's endpoints require; who gets them is declared in <see cref="IntegrationModule"/>.</summary>
internal static class IntegrationPermissions
{
    public const string EventsRead = "integration.events.read";
    public const string WebhooksManage = "integration.webhooks.manage";
}
