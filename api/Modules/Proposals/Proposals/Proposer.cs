using Workforce.Directory.Contracts;

namespace Workforce.Proposals.Proposals;

/// <summary>Who may propose or co-sign: representatives serving today, as Directory says.</summary>
internal static class Proposer
{
    /// <summary>The signed-in representative's worker id and name; 403 unless their account is a serving representative's.</summary>
    public static async Task<ServingRepresentative> ServingAsync(IMediator mediator, CurrentActor actor, CancellationToken ct)
    {
        var serving = actor.WorkerId is { } worker ? await mediator.Send(new FindServingRepresentatives([worker]), ct) : [];
        return serving.Count == 1 ? serving[0] : throw new ProblemException(403, "not_a_representative", "Only a serving representative may do this.",
            "Proposals are made and co-signed by congress representatives serving today; your account must belong to one.");
    }

    public static ProblemException NotProposer(string detail) => new(403, "not_proposer", "Only the proposer may do this.", detail);

    /// <summary>
    /// The proposal, if it is the signed-in representative's own draft: 404 unless they can see it, 403 unless they
    /// proposed it, 409 once submitted. A draft's text, co-signers and attachments are its proposer's to change.
    /// </summary>
    public static async Task<Proposal> OwnDraftAsync(DbSession db, CurrentActor actor, TimeProvider clock, Guid proposalId, CancellationToken ct)
    {
        var proposal = await Proposal.FindAsync(db, actor, clock, proposalId, ct);
        if (proposal.ProposerWorkerId != actor.WorkerId)
        {
            throw NotProposer("A draft's text, co-signers and attachments are changed by the representative who proposed it.");
        }
        return proposal.Status == ProposalStatus.Draft ? proposal : throw NotDraft();
    }

    public static ProblemException NotDraft() => ProblemException.Conflict("proposal_not_draft",
        "A proposal's text and its co-signers can change only while it is a draft.");
}
