namespace Workforce.Proposals.Proposals;

/// <summary>What the change feed and webhooks hear about proposals.</summary>
internal static class ProposalEvents
{
    public static readonly EventType Submitted = new("proposals.proposal.submitted", "proposal");
    public static readonly EventType UnderReview = new("proposals.proposal.underReview", "proposal");
    public static readonly EventType Accepted = new("proposals.proposal.accepted", "proposal");
    public static readonly EventType ConvertedToSuggestion = new("proposals.proposal.convertedToSuggestion", "proposal");
    public static readonly EventType NotAccepted = new("proposals.proposal.notAccepted", "proposal");
    public static readonly EventType Merged = new("proposals.proposal.merged", "proposal");
    public static readonly EventType Assigned = new("proposals.proposal.assigned", "proposal");
    public static readonly EventType Answered = new("proposals.proposal.answered", "proposal");
    public static readonly EventType Rated = new("proposals.proposal.rated", "proposal");
    public static readonly EventType Reopened = new("proposals.proposal.reopened", "proposal");
    public static readonly EventType Closed = new("proposals.proposal.closed", "proposal");
    public static readonly EventType Edited = new("proposals.proposal.edited", "proposal");
    public static readonly EventType ResolutionLinked = new("proposals.proposal.resolutionLinked", "proposal");
    public static readonly EventType Overdue = new("proposals.proposal.overdue", "proposal");
    public static readonly EventType Nominated = new("proposals.proposal.nominated", "proposal");

    /// <summary>The event of a step of the proposal's lifecycle.</summary>
    public static EventType Of(ProposalAction action) => action switch
    {
        ProposalAction.Submit => Submitted,
        ProposalAction.StartReview => UnderReview,
        ProposalAction.Accept => Accepted,
        ProposalAction.ConvertToSuggestion => ConvertedToSuggestion,
        ProposalAction.Decline => NotAccepted,
        ProposalAction.Merge => Merged,
        ProposalAction.Assign => Assigned,
        ProposalAction.Answer => Answered,
        ProposalAction.Rate => Rated,
        ProposalAction.Reopen => Reopened,
        ProposalAction.Close => Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>What happened, as the timeline names the step: the event's last part (submitted, underReview…).</summary>
    public static string Happening(EventType type) => type.Name[(type.Name.LastIndexOf('.') + 1)..];
}
