namespace Workforce.Congress.Polls;

/// <summary>What the change feed and webhooks hear about votes: each kind under its own name, as the entity it is.</summary>
internal static class PollEvents
{
    public static readonly EventType MotionOpened = new("congress.motion.opened", "motion");
    public static readonly EventType MotionClosed = new("congress.motion.closed", "motion");
    public static readonly EventType ElectionOpened = new("congress.election.opened", "election");
    public static readonly EventType ElectionClosed = new("congress.election.closed", "election");
    public static readonly EventType EvaluationOpened = new("congress.evaluation.opened", "evaluation");
    public static readonly EventType EvaluationClosed = new("congress.evaluation.closed", "evaluation");

    public static EventType Opened(PollKind kind) => kind switch
    {
        PollKind.Motion => MotionOpened,
        PollKind.Election => ElectionOpened,
        _ => EvaluationOpened,
    };

    public static EventType Closed(PollKind kind) => kind switch
    {
        PollKind.Motion => MotionClosed,
        PollKind.Election => ElectionClosed,
        _ => EvaluationClosed,
    };
}
