namespace Workforce.Proposals.Proposals;

internal enum ProposalStatus
{
    Draft, Submitted, UnderReview, Accepted, ConvertedToSuggestion, NotAccepted, Assigned, Answered, Rated, Closed, Merged,
}

/// <summary>What can happen to a proposal, each a command of its own.</summary>
internal enum ProposalAction
{
    Submit, StartReview, Accept, ConvertToSuggestion, Decline, Merge, Assign, Answer, Rate, Close,
}

/// <summary>Who may take an action: the representative who proposed it, the union's proposal committee, or the lead department.</summary>
internal enum ProposalParty { Proposer, Committee, LeadDepartment }

/// <summary>
/// The proposal's state machine, enforced here and nowhere else: draft → submitted → under review → accepted (立案) |
/// converted to a suggestion | not accepted → assigned → answered → rated → closed, with duplicates merged (并案) while
/// they wait for review. An unsatisfied rating with handling rounds left sends the proposal back to its departments
/// (the Rate command decides which of its two targets applies).
/// </summary>
internal static class ProposalWorkflow
{
    private sealed record Transition(ProposalAction Action, ProposalStatus[] From, ProposalStatus To, ProposalParty By);

    private static readonly Transition[] Transitions =
    [
        new(ProposalAction.Submit, [ProposalStatus.Draft], ProposalStatus.Submitted, ProposalParty.Proposer),
        new(ProposalAction.StartReview, [ProposalStatus.Submitted], ProposalStatus.UnderReview, ProposalParty.Committee),
        new(ProposalAction.Accept, [ProposalStatus.UnderReview], ProposalStatus.Accepted, ProposalParty.Committee),
        new(ProposalAction.ConvertToSuggestion, [ProposalStatus.UnderReview], ProposalStatus.ConvertedToSuggestion, ProposalParty.Committee),
        new(ProposalAction.Decline, [ProposalStatus.UnderReview], ProposalStatus.NotAccepted, ProposalParty.Committee),
        new(ProposalAction.Merge, [ProposalStatus.Submitted, ProposalStatus.UnderReview], ProposalStatus.Merged, ProposalParty.Committee),
        new(ProposalAction.Assign, [ProposalStatus.Accepted], ProposalStatus.Assigned, ProposalParty.Committee),
        new(ProposalAction.Answer, [ProposalStatus.Assigned], ProposalStatus.Answered, ProposalParty.LeadDepartment),
        new(ProposalAction.Rate, [ProposalStatus.Answered], ProposalStatus.Rated, ProposalParty.Proposer),
        new(ProposalAction.Close, [ProposalStatus.Rated], ProposalStatus.Closed, ProposalParty.Committee),
    ];

    /// <summary>The actions open to a proposal in <paramref name="status"/>, in the order they usually come.</summary>
    public static IReadOnlyList<ProposalAction> AllowedFrom(ProposalStatus status) =>
        Transitions.Where(t => t.From.Contains(status)).Select(t => t.Action).ToList();

    /// <summary>Who takes <paramref name="action"/>.</summary>
    public static ProposalParty PartyOf(ProposalAction action) => Transitions.Single(t => t.Action == action).By;

    /// <summary>Where <paramref name="action"/> leads from <paramref name="status"/>; 409 naming the actions open instead when it is not allowed.</summary>
    public static ProposalStatus Next(ProposalStatus status, ProposalAction action)
    {
        var transition = Transitions.Single(t => t.Action == action);
        if (transition.From.Contains(status))
        {
            return transition.To;
        }
        var allowed = AllowedFrom(status);
        var open = allowed.Count == 0 ? "nothing: it is final" : string.Join(", ", allowed.Select(a => a.ToDbText()));
        throw new ProblemException(409, "transition_not_allowed", "The request conflicts with the current state.",
            $"A proposal that is {status.ToDbText()} cannot {action.ToDbText()}; allowed from here: {open}.")
        {
            Extensions = new Dictionary<string, object> { ["currentStatus"] = status.ToDbText(), ["allowed"] = allowed.Select(a => a.ToDbText()).ToArray() },
        };
    }
}
