using Workforce.Proposals.Resolutions;

namespace Workforce.Proposals.Proposals;

/// <summary>
/// What the caller may do with a proposal now, each the name of a command: the state machine's steps the caller is the
/// party for, and the draft's own work (edit, invite, answer an invitation) and linking a resolution.
/// </summary>
internal enum CallerAction
{
    Edit, InviteCosigners, AcceptCosigning, DeclineCosigning, Submit, StartReview, Accept, ConvertToSuggestion, Decline, Merge,
    Assign, Answer, Rate, Close, LinkResolution,
}

/// <summary>
/// Who the caller is to a proposal, and so what they may do with it: the one place that says it, for the commands that
/// check it (403) and for the read that lists the caller's actions (so a client shows those and mirrors no rule).
/// </summary>
internal static class CallerActions
{
    /// <summary>Whether the actor is <paramref name="party"/> to the proposal (proposer, committee, or its lead department's line).</summary>
    public static async Task<bool> IsPartyAsync(DbSession db, CurrentActor actor, Guid proposalId, Guid proposerWorkerId, ProposalParty party, CancellationToken ct) =>
        party switch
        {
            ProposalParty.Proposer => actor.Has(ProposalsPermissions.Propose) && actor.WorkerId == proposerWorkerId,
            ProposalParty.Committee => actor.Has(ProposalsPermissions.Manage),
            _ => actor.Has(ProposalsPermissions.Handle) && await db.ExecuteScalarAsync<bool>(
                """
                SELECT EXISTS (SELECT 1 FROM proposals.handlers
                               WHERE tenant_id = @Tenant AND proposal_id = @Id AND is_lead AND unit_path @> ARRAY[@Unit]::uuid[])
                """, new { Tenant = actor.TenantId, Id = proposalId, Unit = actor.OrganisationId ?? Guid.Empty }, ct),
        };

    /// <summary>The actions open to the actor on <paramref name="proposal"/> (read with its co-signers), in the order they usually come.</summary>
    public static async Task<IReadOnlyList<CallerAction>> ForAsync(DbSession db, CurrentActor actor, Proposal proposal, CancellationToken ct)
    {
        var actions = new List<CallerAction>();
        var proposes = actor.Has(ProposalsPermissions.Propose);
        if (proposal.Status == ProposalStatus.Draft && proposes)
        {
            if (proposal.ProposerWorkerId == actor.WorkerId)
            {
                actions.AddRange([CallerAction.Edit, CallerAction.InviteCosigners]);
            }
            else if (proposal.Cosigners?.FirstOrDefault(c => c.WorkerId == actor.WorkerId) is { } invitation)
            {
                // They may change their mind until the proposal is submitted.
                actions.AddRange(invitation.Status switch
                {
                    CosignerStatus.Accepted => [CallerAction.DeclineCosigning],
                    CosignerStatus.Declined => [CallerAction.AcceptCosigning],
                    _ => [CallerAction.AcceptCosigning, CallerAction.DeclineCosigning],
                });
            }
        }
        var steps = await ProposalWorkflow.Lifecycle.AllowedForAsync(proposal.Status,
            party => IsPartyAsync(db, actor, proposal.Id, proposal.ProposerWorkerId, party, ct));
        actions.AddRange(steps.Select(step => Enum.Parse<CallerAction>(step.ToString())));
        if (actor.Has(ProposalsPermissions.Manage) && LinkResolutionHandler.Linkable(proposal.Status))
        {
            actions.Add(CallerAction.LinkResolution);
        }
        return actions;
    }
}
