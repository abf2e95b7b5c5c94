using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Attachments;

/// <summary>A file attached to a proposal, as its proposal lists it.</summary>
internal sealed record Attachment
{
    public required Guid Id { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }

    public const string Columns = "a.id, a.file_name, a.content_type, a.size, a.uploaded_at";

    public static ProblemException NotFound(Guid id) => ProblemException.NotFound("attachment_not_found", $"The proposal has no attachment {id}.");

    /// <summary>The proposal, if it is the actor's own draft: 404 unless they can see it, 403 unless they proposed it, 409 once submitted.</summary>
    public static async Task<Proposal> DraftOfProposerAsync(DbSession db, CurrentActor actor, TimeProvider clock, Guid proposalId, CancellationToken ct)
    {
        var proposal = await Proposal.FindAsync(db, actor, clock, proposalId, ct);
        if (proposal.ProposerWorkerId != actor.WorkerId)
        {
            throw Proposer.NotProposer("A proposal's attachments are its proposer's to add and remove.");
        }
        return proposal.Status == ProposalStatus.Draft ? proposal : throw Proposer.NotDraft();
    }
}
