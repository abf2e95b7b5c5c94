using Workforce.BuildingBlocks.Events;

namespace Workforce.Violations;

// Violations: an event of another module's name, one not named module.entity.happening, one about another entity.
internal static class SessionEvents
{
    public static readonly EventType Closed = new("other.session.closed", "session", new("Session closed", "会议已闭会"));
    public static readonly EventType Archived = new("violations.archived", "session", new("Session archived", "会议已归档"));
    public static readonly EventType Reopened = new("violations.session.reopened", "poll", new("Session reopened", "会议已重开"));

    // Allowed: one named as its module's events are.
    public static readonly EventType Planned = new("violations.session.planned", "session", new("Session planned", "会议已筹备"));
}

// Violation: an event type made where it is published.
internal sealed class SessionPublisher(Outbox outbox)
{
    public void Opened(Guid tenant, Guid id) => outbox.Publish(tenant, new EventType("violations.session.opened", "session", new("Session opened", "会议已开幕")), id, new { id });
}
