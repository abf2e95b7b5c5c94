namespace Workforce.Proposals.Calls;

/// <summary>What the change feed and webhooks hear about calls for proposals.</summary>
internal static class CallEvents
{
    public static readonly EventType Opened = new("proposals.call.opened", "call", new("Call for proposals opened", "提案征集已发布"));
    public static readonly EventType Changed = new("proposals.call.changed", "call", new("Call for proposals changed", "提案征集已修改"));
}
