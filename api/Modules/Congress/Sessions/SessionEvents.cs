namespace Workforce.Congress.Sessions;

/// <summary>What the change feed and webhooks hear about congress sessions.</summary>
internal static class SessionEvents
{
    public static readonly EventType Planned = new("congress.session.planned", "session");
    public static readonly EventType Opened = new("congress.session.opened", "session");
    public static readonly EventType Closed = new("congress.session.closed", "session");
}
