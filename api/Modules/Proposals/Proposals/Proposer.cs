using Workforce.Directory.Contracts;

namespace Workforce.Proposals.Proposals;

/// <summary>Who may propose or co-sign: representatives serving today, as Directory says.</summary>
internal static class Proposer
{
    public static readonly ProblemCode NotARepresentative = new(403, "not_a_representative",
        new("Only a serving representative may do this.", "只有在任的职工代表才能进行此操作。"));

    public static readonly ProblemCode NotTheProposer = new(403, "not_proposer", new("Only the proposer may do this.", "只有提案人才能进行此操作。"));

    public static readonly ProblemCode NotADraft = new(409, "proposal_not_draft", new("The proposal is no longer a draft.", "提案已不是草稿。"));

    /// <summary>The signed-in representative's worker id and name; 403 unless their account is a serving representative's.</summary>
    public static async Task<ServingRepresentative> ServingAsync(IMediator mediator, CurrentActor actor, CancellationToken ct)
    {
        var serving = actor.WorkerId is { } worker ? await mediator.Send(new FindServingRepresentatives([worker]), ct) : [];
        return serving.Count == 1 ? serving[0] : throw NotARepresentative.With(new(
            "Proposals are made and co-signed by congress representatives serving today; your account must belong to one.",
            "提案须由在任的职工代表提出和附议，您的账号须关联一名在任的职工代表。"));
    }

    /// <summary>
    /// The proposal, if it is the signed-in representative's own draft: 404 unless they can see it, 403 unless they
    /// proposed it, 409 once submitted. A draft's text, co-signers and attachments are its proposer's to change.
    /// </summary>
    public static async Task<Proposal> OwnDraftAsync(DbSession db, CurrentActor actor, TimeProvider clock, Guid proposalId, CancellationToken ct)
    {
        var proposal = await Proposal.FindAsync(db, actor, clock, proposalId, ct);
        if (proposal.ProposerWorkerId != actor.WorkerId)
        {
            throw NotTheProposer.With(new("A draft's text, co-signers and attachments are changed by the representative who proposed it.",
                "提案草稿的内容、附议人和附件只能由提案人修改。"));
        }
        return proposal.Status == ProposalStatus.Draft ? proposal : throw NotDraft();
    }

    public static ProblemException NotDraft() => NotADraft.With(new("A proposal's text and its co-signers can change only while it is a draft.",
        "提案提交后，其内容和附议人就不能再修改了。"));
}
