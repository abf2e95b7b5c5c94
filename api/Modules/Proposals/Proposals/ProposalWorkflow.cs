using Workforce.BuildingBlocks.Lifecycle;

namespace Workforce.Proposals.Proposals;

internal enum ProposalStatus
{
    Draft, Submitted, UnderReview, Accepted, ConvertedToSuggestion, NotAccepted, Assigned, Answered, Rated, Closed, Merged,
}

/// <summary>What can happen to a proposal, each a command of its own but Reopen, which an unsatisfied rating takes.</summary>
internal enum ProposalAction
{
    Submit, StartReview, Accept, ConvertToSuggestion, Decline, Merge, Assign, Answer, Rate, Reopen, Close,
}

/// <summary>Who may take an action: the representative who proposed it, the union's proposal committee, or the lead department.</summary>
internal enum ProposalParty { Proposer, Committee, LeadDepartment }

/// <summary>
/// The proposal's state machine, enforced here and nowhere else: draft → submitted → under review → accepted (立案) |
/// converted to a suggestion | not accepted → assigned → answered → rated → closed, with duplicates merged (并案) while
/// they wait for review. An unsatisfied rating with handling rounds left reopens handling instead of standing (the Rate
/// command decides which step it is; both are offered to callers as rate).
/// </summary>
internal static class ProposalWorkflow
{
    public static readonly Lifecycle<ProposalStatus, ProposalAction, ProposalParty> Lifecycle = new(new Words("proposal", "提案"),
    [
        new(ProposalStatus.Draft, ProposalAction.Submit, ProposalStatus.Submitted, ProposalParty.Proposer),
        new(ProposalStatus.Submitted, ProposalAction.StartReview, ProposalStatus.UnderReview, ProposalParty.Committee),
        new(ProposalStatus.Submitted, ProposalAction.Merge, ProposalStatus.Merged, ProposalParty.Committee),
        new(ProposalStatus.UnderReview, ProposalAction.Accept, ProposalStatus.Accepted, ProposalParty.Committee),
        new(ProposalStatus.UnderReview, ProposalAction.ConvertToSuggestion, ProposalStatus.ConvertedToSuggestion, ProposalParty.Committee),
        new(ProposalStatus.UnderReview, ProposalAction.Decline, ProposalStatus.NotAccepted, ProposalParty.Committee),
        new(ProposalStatus.UnderReview, ProposalAction.Merge, ProposalStatus.Merged, ProposalParty.Committee),
        new(ProposalStatus.Accepted, ProposalAction.Assign, ProposalStatus.Assigned, ProposalParty.Committee),
        new(ProposalStatus.Assigned, ProposalAction.Answer, ProposalStatus.Answered, ProposalParty.LeadDepartment),
        new(ProposalStatus.Answered, ProposalAction.Rate, ProposalStatus.Rated, ProposalParty.Proposer),
        new(ProposalStatus.Answered, ProposalAction.Reopen, ProposalStatus.Assigned, ProposalParty.Proposer, Via: ProposalAction.Rate),
        new(ProposalStatus.Rated, ProposalAction.Close, ProposalStatus.Closed, ProposalParty.Committee),
    ]);

    /// <summary>The status as a Chinese refusal names it (an English one names it by its code).</summary>
    public static string ChineseName(this ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => "草稿",
        ProposalStatus.Submitted => "已提交",
        ProposalStatus.UnderReview => "审查中",
        ProposalStatus.Accepted => "已立案",
        ProposalStatus.ConvertedToSuggestion => "已转为意见建议",
        ProposalStatus.NotAccepted => "不予立案",
        ProposalStatus.Assigned => "已交办",
        ProposalStatus.Answered => "已答复",
        ProposalStatus.Rated => "已评价",
        ProposalStatus.Closed => "已结案",
        _ => "已并案",
    };
}
