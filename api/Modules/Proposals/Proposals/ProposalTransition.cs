namespace Workforce.Proposals.Proposals;

/// <summary>A proposal locked for a transition, as the transition needs it.</summary>
internal sealed record LockedProposal
{
    public required Guid Id { get; init; }
    public string? Number { get; init; }
    public required ProposalStatus Status { get; init; }
    public required Guid ProposerWorkerId { get; init; }
    public required string Title { get; init; }
    public required int HandlingRound { get; init; }
    public required int Version { get; init; }
}

/// <summary>
/// Carries a proposal through one step of <see cref="ProposalWorkflow.Lifecycle"/>: locks it (404 unless the actor can
/// see it), checks the actor is the party the action belongs to (403), the version the caller read (412) and the
/// lifecycle (409), then moves it to the status the lifecycle gives, writes the step on its timeline and publishes it
/// to the outbox. What else a step changes is the handler's own statement, run before the move.
/// </summary>
internal sealed class ProposalTransition(DbSession db, CurrentActor actor, TimeProvider clock, Outbox outbox)
{
    private static readonly ProblemCode NotLeadDepartment = new(403, "not_lead_department",
        new("Only the lead department may answer.", "只有主办部门才能答复。"));

    public async Task<LockedProposal> LockAsync(Guid id, ProposalAction action, int expectedVersion, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(Proposal.Viewer(actor, clock.GetUtcNow()));
        parameters.Add("Id", id);
        var proposal = await db.QuerySingleOrDefaultAsync<LockedProposal>(
            $"""
            SELECT p.id, p.number, p.status, p.proposer_worker_id, p.title, p.handling_round, p.version
            FROM proposals.proposals p WHERE p.tenant_id = @Tenant AND p.id = @Id AND {Proposal.Visible}
            FOR UPDATE OF p
            """, parameters, ct) ?? throw Proposal.NotFound(id);
        await EnsurePartyAsync(proposal, ProposalWorkflow.Lifecycle.PartyOf(action), ct);
        Concurrency.EnsureVersion(proposal.Version, expectedVersion);
        ProposalWorkflow.Lifecycle.Next(proposal.Status, action);
        return proposal;
    }

    /// <summary>
    /// Takes <paramref name="action"/> on the locked proposal: the status the lifecycle leads to, a new version, the step
    /// on its timeline (with the <paramref name="rating"/> of a rating step) and its event.
    /// </summary>
    public async Task<Proposal> MoveAsync(LockedProposal proposal, ProposalAction action, string? note, CancellationToken ct, Rating? rating = null)
    {
        var to = ProposalWorkflow.Lifecycle.Next(proposal.Status, action);
        await db.ExecuteAsync(
            """
            UPDATE proposals.proposals SET status = @To, version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id
            """, new { Tenant = actor.TenantId, proposal.Id, To = to.ToDbText(), Now = clock.GetUtcNow() }, ct);
        var happened = ProposalEvents.Of(action);
        await RecordAsync(proposal.Id, ProposalEvents.Happening(happened), proposal.Status, to, note, ct, rating);
        outbox.Publish(actor.TenantId, happened, proposal.Id, new
        {
            proposal.Id, proposal.Number, proposal.Title, From = proposal.Status.ToDbText(), To = to.ToDbText(), Note = note, Rating = rating.ToDbText(),
        });
        return await Proposal.FindAsync(db, actor, clock, proposal.Id, ct);
    }

    /// <summary>A step on the proposal's timeline, by the acting user at this moment.</summary>
    public Task RecordAsync(Guid id, string action, ProposalStatus? from, ProposalStatus to, string? note, CancellationToken ct, Rating? rating = null) =>
        db.ExecuteAsync(
            """
            INSERT INTO proposals.timeline (tenant_id, id, proposal_id, action, from_status, to_status, actor_id, actor_name, note, rating, occurred_at)
            VALUES (@Tenant, @EntryId, @Id, @Action, @From, @To, @ActorId, @ActorName, @Note, @Rating, @Now)
            """,
            new
            {
                Tenant = actor.TenantId, EntryId = Guid.CreateVersion7(), Id = id, Action = action, From = from.ToDbText(), To = to.ToDbText(),
                ActorId = actor.Id, ActorName = actor.Name, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), Rating = rating.ToDbText(),
                Now = clock.GetUtcNow(),
            }, ct);

    private async Task EnsurePartyAsync(LockedProposal proposal, ProposalParty party, CancellationToken ct)
    {
        if (await CallerActions.IsPartyAsync(db, actor, proposal.Id, proposal.ProposerWorkerId, party, ct))
        {
            return;
        }
        throw party switch
        {
            ProposalParty.Proposer => Proposer.NotTheProposer.With(new("Submitting a proposal and rating its answer are for the representative who proposed it.",
                "提交提案和评价答复须由提案人本人进行。")),
            ProposalParty.Committee => Problems.Forbidden.With(new($"This needs the {ProposalsPermissions.Manage} permission.",
                $"此操作需要 {ProposalsPermissions.Manage} 权限。")),
            _ => NotLeadDepartment.With(new("Co-handling departments contribute to the lead department's answer; the lead department submits it.",
                "协办部门协助主办部门答复，答复由主办部门提交。")),
        };
    }
}
