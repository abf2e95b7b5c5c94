using Workforce.BuildingBlocks.Events;

namespace Workforce.Violations;

// Violations: an event of another module's name, one not named module.entity.happening, one about another entity.
internal static class SessionEvents
{
    public static readonly EventType Closed = new("other.session.closed", "session");
    public static readonly EventType Archived = new("violations.archived", "session");
    public static readonly EventType Reopened = new("violations.session.reopened", "poll");

    // Allowed: one named as its module's events are.
    public static readonly EventType Planned = new("violations.session.planned", "session");
}

// Violation: an event type made where it is published.
internal sealed class SessionPublisher(Outbox outbox)
{
    public void Opened(Guid tenant, Guid id) => outbox.Publish(tenant, new EventType("violations.session.opened", "session"), id, new { id });
}
