namespace Workforce.Proposals.Proposals;

/// <summary>What the change feed and webhooks hear about proposals.</summary>
internal static class ProposalEvents
{
    public static readonly EventType Submitted = new("proposals.proposal.submitted", "proposal", new("Proposal submitted", "提案已提交"));
    public static readonly EventType UnderReview = new("proposals.proposal.underReview", "proposal", new("Proposal under review", "提案进入审查"));
    public static readonly EventType Accepted = new("proposals.proposal.accepted", "proposal", new("Proposal accepted", "提案已立案"));
    public static readonly EventType ConvertedToSuggestion = new("proposals.proposal.convertedToSuggestion", "proposal", new("Proposal converted to a suggestion", "提案已转为意见建议"));
    public static readonly EventType NotAccepted = new("proposals.proposal.notAccepted", "proposal", new("Proposal not accepted", "提案不予立案"));
    public static readonly EventType Merged = new("proposals.proposal.merged", "proposal", new("Proposal merged", "提案已并案"));
    public static readonly EventType Assigned = new("proposals.proposal.assigned", "proposal", new("Proposal assigned", "提案已交办"));
    public static readonly EventType Answered = new("proposals.proposal.answered", "proposal", new("Proposal answered", "提案已答复"));
    public static readonly EventType Rated = new("proposals.proposal.rated", "proposal", new("Answer rated", "提案答复已评价"));
    public static readonly EventType Reopened = new("proposals.proposal.reopened", "proposal", new("Proposal reopened", "提案已重新办理"));
    public static readonly EventType Closed = new("proposals.proposal.closed", "proposal", new("Proposal closed", "提案已结案"));
    public static readonly EventType Edited = new("proposals.proposal.edited", "proposal", new("Proposal edited", "提案已修改"));
    public static readonly EventType ResolutionLinked = new("proposals.proposal.resolutionLinked", "proposal", new("Proposal linked to a resolution", "提案已关联决议"));
    public static readonly EventType Overdue = new("proposals.proposal.overdue", "proposal", new("Proposal overdue", "提案办理已逾期"));
    public static readonly EventType Nominated = new("proposals.proposal.nominated", "proposal", new("Proposal nominated for an award", "提案已推荐参评"));

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
