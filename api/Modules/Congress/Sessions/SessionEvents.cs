namespace Workforce.Congress.Sessions;

/// <summary>What the change feed and webhooks hear about congress sessions.</summary>
internal static class SessionEvents
{
    public static readonly EventType Planned = new("congress.session.planned", "session", new("Session planned", "职代会会议已筹备"));
    public static readonly EventType Opened = new("congress.session.opened", "session", new("Session opened", "职代会会议已开幕"));
    public static readonly EventType Closed = new("congress.session.closed", "session", new("Session closed", "职代会会议已闭会"));
}
