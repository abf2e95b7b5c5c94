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
/// Carries a proposal through one step of <see cref="ProposalWorkflow"/>: locks it (404 unless the actor can see it),
/// checks the actor is the party the action belongs to (403), the version when the caller sent If-Match (412) and the
/// state machine (409), then changes it, writes the step on its timeline and publishes it to the outbox.
/// </summary>
internal sealed class ProposalTransition(DbSession db, CurrentActor actor, TimeProvider clock, Outbox outbox)
{
    public async Task<LockedProposal> LockAsync(Guid id, ProposalAction action, int? expectedVersion, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(Proposal.Viewer(actor, clock.GetUtcNow()));
        parameters.Add("Id", id);
        var proposal = await db.QuerySingleOrDefaultAsync<LockedProposal>(
            $"""
            SELECT p.id, p.number, p.status, p.proposer_worker_id, p.title, p.handling_round, p.version
            FROM proposals.proposals p WHERE p.tenant_id = @Tenant AND p.id = @Id AND {Proposal.Visible}
            FOR UPDATE OF p
            """, parameters, ct) ?? throw Proposal.NotFound(id);
        await EnsurePartyAsync(proposal, ProposalWorkflow.PartyOf(action), ct);
        if (expectedVersion is { } expected)
        {
            Concurrency.EnsureVersion(proposal.Version, expected);
        }
        ProposalWorkflow.Next(proposal.Status, action);
        return proposal;
    }

    /// <summary>
    /// Moves the locked proposal to <paramref name="to"/>, setting also <paramref name="set"/> (SQL over
    /// <paramref name="parameters"/>, which may use @Now), and records the step.
    /// </summary>
    public async Task<Proposal> MoveAsync(LockedProposal proposal, string action, ProposalStatus to, string? note, string? set, object? parameters, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = new Dapper.DynamicParameters(parameters);
        all.AddDynamicParams(new { Tenant = actor.TenantId, proposal.Id, To = to.ToDbText(), Now = now });
        await db.ExecuteAsync(
            $"""
            UPDATE proposals.proposals SET status = @To, {(set is null ? "" : set + ", ")}version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id
            """, all, ct);
        await RecordAsync(proposal.Id, action, proposal.Status, to, note, ct);
        outbox.Publish(actor.TenantId, $"proposals.proposal.{action}", "proposal", proposal.Id,
            new { proposal.Id, proposal.Number, proposal.Title, From = proposal.Status.ToDbText(), To = to.ToDbText(), Note = note });
        return await Proposal.FindAsync(db, actor, clock, proposal.Id, ct);
    }

    /// <summary>A step on the proposal's timeline, by the acting user at this moment.</summary>
    public Task RecordAsync(Guid id, string action, ProposalStatus? from, ProposalStatus to, string? note, CancellationToken ct) =>
        db.ExecuteAsync(
            """
            INSERT INTO proposals.timeline (tenant_id, id, proposal_id, action, from_status, to_status, actor_id, actor_name, note, occurred_at)
            VALUES (@Tenant, @EntryId, @Id, @Action, @From, @To, @ActorId, @ActorName, @Note, @Now)
            """,
            new
            {
                Tenant = actor.TenantId, EntryId = Guid.CreateVersion7(), Id = id, Action = action, From = from.ToDbText(), To = to.ToDbText(),
                ActorId = actor.Id, ActorName = actor.Name, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), Now = clock.GetUtcNow(),
            }, ct);

    private async Task EnsurePartyAsync(LockedProposal proposal, ProposalParty party, CancellationToken ct)
    {
        if (await CallerActions.IsPartyAsync(db, actor, proposal.Id, proposal.ProposerWorkerId, party, ct))
        {
            return;
        }
        throw party switch
        {
            ProposalParty.Proposer => Proposer.NotProposer("Submitting a proposal and rating its answer are for the representative who proposed it."),
            ProposalParty.Committee => new ProblemException(403, "forbidden", "You may not do this.", $"This needs the {Permissions.Proposals.Manage} permission."),
            _ => new ProblemException(403, "not_lead_department", "Only the lead department may answer.",
                "Co-handling departments contribute to the lead department's answer; the lead department submits it."),
        };
    }
}
