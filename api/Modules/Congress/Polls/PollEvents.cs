namespace Workforce.Congress.Polls;

/// <summary>What the change feed and webhooks hear about votes: each kind under its own name, as the entity it is.</summary>
internal static class PollEvents
{
    public static readonly EventType MotionOpened = new("congress.motion.opened", "motion", new("Motion vote opened", "议案表决已开始"));
    public static readonly EventType MotionClosed = new("congress.motion.closed", "motion", new("Motion vote closed", "议案表决已结束"));
    public static readonly EventType ElectionOpened = new("congress.election.opened", "election", new("Election opened", "选举已开始"));
    public static readonly EventType ElectionClosed = new("congress.election.closed", "election", new("Election closed", "选举已结束"));
    public static readonly EventType EvaluationOpened = new("congress.evaluation.opened", "evaluation", new("Evaluation opened", "民主测评已开始"));
    public static readonly EventType EvaluationClosed = new("congress.evaluation.closed", "evaluation", new("Evaluation closed", "民主测评已结束"));

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
