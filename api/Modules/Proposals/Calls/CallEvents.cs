namespace Workforce.Proposals.Calls;

/// <summary>What the change feed and webhooks hear about calls for proposals.</summary>
internal static class CallEvents
{
    public static readonly EventType Opened = new("proposals.call.opened", "call");
    public static readonly EventType Changed = new("proposals.call.changed", "call");
}
