using Workforce.BuildingBlocks.Errors;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Tests.Proposals;

public sealed class ProposalWorkflowTests
{
    // Statuses and actions by name: they are internal to the module, and a test's parameters are public.
    private static readonly (string From, string Action, string To)[] Legal =
    [
        ("Draft", "Submit", "Submitted"),
        ("Submitted", "StartReview", "UnderReview"),
        ("UnderReview", "Accept", "Accepted"),
        ("UnderReview", "ConvertToSuggestion", "ConvertedToSuggestion"),
        ("UnderReview", "Decline", "NotAccepted"),
        ("Submitted", "Merge", "Merged"),
        ("UnderReview", "Merge", "Merged"),
        ("Accepted", "Assign", "Assigned"),
        ("Assigned", "Answer", "Answered"),
        ("Answered", "Rate", "Rated"),
        ("Answered", "Reopen", "Assigned"),
        ("Rated", "Close", "Closed"),
    ];

    public static TheoryData<string, string, string> LegalTransitions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (from, action, to) in Legal)
        {
            data.Add(from, action, to);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void A_legal_transition_leads_to_its_status(string from, string action, string to) =>
        Assert.Equal(Enum.Parse<ProposalStatus>(to), ProposalWorkflow.Lifecycle.Next(Enum.Parse<ProposalStatus>(from), Enum.Parse<ProposalAction>(action)));

    [Fact]
    public void Every_other_pairing_of_status_and_action_is_refused_with_the_actions_allowed_named()
    {
        var legal = Legal.Select(l => (Enum.Parse<ProposalStatus>(l.From), Enum.Parse<ProposalAction>(l.Action))).ToHashSet();
        var refused = 0;
        foreach (var status in Enum.GetValues<ProposalStatus>())
        {
            foreach (var action in Enum.GetValues<ProposalAction>().Where(a => !legal.Contains((status, a))))
            {
                var problem = Assert.Throws<ProblemException>(() => ProposalWorkflow.Lifecycle.Next(status, action));
                Assert.Equal(409, problem.Status);
                Assert.Equal("transition_not_allowed", problem.Code);
                var allowed = (string[])problem.Extensions!["allowed"];
                Assert.Equal(legal.Where(l => l.Item1 == status).Select(l => DbText(Offered(l.Item2))).Distinct().Order(), allowed.Order());
                refused++;
            }
        }
        Assert.Equal(Enum.GetValues<ProposalStatus>().Length * Enum.GetValues<ProposalAction>().Length - legal.Count, refused);
    }

    [Theory]
    [InlineData("Closed")]
    [InlineData("NotAccepted")]
    [InlineData("ConvertedToSuggestion")]
    [InlineData("Merged")]
    public void A_final_status_allows_nothing_and_says_so(string status)
    {
        var final = Enum.Parse<ProposalStatus>(status);
        var problem = Assert.Throws<ProblemException>(() => ProposalWorkflow.Lifecycle.Next(final, ProposalAction.Submit));

        Assert.Empty(ProposalWorkflow.Lifecycle.AllowedFrom(final));
        Assert.Contains("final", problem.Detail!.Value.English);
    }

    [Theory]
    [InlineData("Submit", "Proposer")]
    [InlineData("Rate", "Proposer")]
    [InlineData("Accept", "Committee")]
    [InlineData("Assign", "Committee")]
    [InlineData("Close", "Committee")]
    [InlineData("Answer", "LeadDepartment")]
    public void Each_action_belongs_to_one_party(string action, string party) =>
        Assert.Equal(Enum.Parse<ProposalParty>(party), ProposalWorkflow.Lifecycle.PartyOf(Enum.Parse<ProposalAction>(action)));

    [Fact]
    public void Reopening_is_offered_and_refused_as_rating_which_takes_it()
    {
        Assert.Equal([ProposalAction.Rate], ProposalWorkflow.Lifecycle.AllowedFrom(ProposalStatus.Answered));
        var problem = Assert.Throws<ProblemException>(() => ProposalWorkflow.Lifecycle.Next(ProposalStatus.Rated, ProposalAction.Reopen));
        Assert.Equal(["close"], (string[])problem.Extensions!["allowed"]);
        Assert.Equal(ProposalParty.Proposer, ProposalWorkflow.Lifecycle.PartyOf(ProposalAction.Reopen));
    }

    /// <summary>What callers are offered for an action: reopening is the rating's to take.</summary>
    private static ProposalAction Offered(ProposalAction action) => action == ProposalAction.Reopen ? ProposalAction.Rate : action;

    private static string DbText(ProposalAction action) => char.ToLowerInvariant(action.ToString()[0]) + action.ToString()[1..];
}
