namespace Workforce.Proposals.Settings;

/// <summary>What the change feed and webhooks hear about an enterprise's proposal settings (the entity is the enterprise's settings, named by its id).</summary>
internal static class SettingsEvents
{
    public static readonly EventType Changed = new("proposals.settings.changed", "settings", new("Proposal settings changed", "提案设置已修改"));
}
