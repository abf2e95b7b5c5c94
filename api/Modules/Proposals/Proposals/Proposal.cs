using Workforce.Proposals.Attachments;

namespace Workforce.Proposals.Proposals;

/// <summary>What a proposal is about (提案类别).</summary>
internal enum ProposalCategory { Production, Management, WagesAndBenefits, SafetyAndHealth, TrainingAndCareers, Welfare, Other }

internal enum Rating { Satisfied, BasicallySatisfied, Unsatisfied }

internal enum CosignerStatus { Invited, Accepted, Declined }

internal sealed record Cosigner
{
    public required Guid WorkerId { get; init; }
    public required string Name { get; init; }
    public required CosignerStatus Status { get; init; }
    public required DateTimeOffset InvitedAt { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
}

internal sealed record HandlingUnit
{
    public required Guid UnitId { get; init; }
    public required string Name { get; init; }
    public required bool IsLead { get; init; }
}

internal sealed record TimelineEntry
{
    public required string Action { get; init; }
    public ProposalStatus? FromStatus { get; init; }
    public required ProposalStatus ToStatus { get; init; }
    public required string ActorName { get; init; }
    public string? Note { get; init; }

    /// <summary>The proposer's rating of the answer, on the step that rated it (rated, or reopened when unsatisfied).</summary>
    public Rating? Rating { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}

internal sealed record LinkedResolution
{
    public required Guid ResolutionId { get; init; }
    public required string Title { get; init; }
    public required DateTimeOffset AdoptedAt { get; init; }
}

/// <summary>A representative's proposal (提案): what it asks, who stands behind it, where it is, who handles it and how it went.</summary>
internal sealed record Proposal : IVersioned
{
    public required Guid Id { get; init; }

    /// <summary>Given at submission: the year and a running number, e.g. 2026-007.</summary>
    public string? Number { get; init; }

    public Guid? CallId { get; init; }
    public required ProposalCategory Category { get; init; }
    public required string Title { get; init; }
    public required string Reasons { get; init; }
    public required string Suggestions { get; init; }
    public required Guid ProposerWorkerId { get; init; }
    public required string ProposerName { get; init; }
    public required ProposalStatus Status { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The review decision's reason or note (why not accepted, why converted).</summary>
    public string? DecisionNote { get; init; }

    public Guid? MergedInto { get; init; }
    public Guid? LeadUnitId { get; init; }
    public string? LeadUnitName { get; init; }

    /// <summary>How many times it has been handed to its departments (an unsatisfied rating hands it back).</summary>
    public required int HandlingRound { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    /// <summary>The last day to answer, in the enterprise's time zone.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>The first moment it is overdue (the start of the day after <see cref="DueOn"/> there).</summary>
    public DateTimeOffset? DueAt { get; init; }

    public required bool Overdue { get; init; }
    public string? Answer { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public Rating? Rating { get; init; }
    public string? RatingComment { get; init; }
    public DateTimeOffset? RatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    // What a proposal gathers along its way: read with the proposal itself, left out (null) of lists.
    public IReadOnlyList<Cosigner>? Cosigners { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<HandlingUnit>? Handlers { get; init; }
    public IReadOnlyList<LinkedResolution>? Resolutions { get; init; }
    public IReadOnlyList<TimelineEntry>? Timeline { get; init; }

    /// <summary>What the caller may do with it now (each a command), by its status and who they are to it; left out of lists.</summary>
    public IReadOnlyList<CallerAction>? Actions { get; init; }

    /// <summary>Columns of alias p; <c>@Now</c> must be bound (whether it is overdue).</summary>
    public const string Columns = """
        p.id, p.number, p.call_id, p.category, p.title, p.reasons, p.suggestions, p.proposer_worker_id, p.proposer_name,
        p.status, p.submitted_at, p.decision_note, p.merged_into, p.lead_unit_id, p.lead_unit_name, p.handling_round,
        p.assigned_at, p.due_on, p.due_at, (p.status = 'assigned' AND p.due_at <= @Now) AS overdue, p.answer, p.answered_at,
        p.rating, p.rating_comment, p.rated_at, p.closed_at, p.version, p.created_at, p.updated_at
        """;

    /// <summary>
    /// Who may see a proposal (alias p): the union's proposal staff once it is submitted; its proposer and the
    /// representatives invited to co-sign it; handlers of a department it is assigned to (or of one above it).
    /// </summary>
    public const string Visible = """
        ((@ReadsAll AND p.status <> 'draft')
         OR p.proposer_worker_id = @Worker
         OR EXISTS (SELECT 1 FROM proposals.cosigners c WHERE c.tenant_id = p.tenant_id AND c.proposal_id = p.id AND c.worker_id = @Worker)
         OR (@Handles AND EXISTS (SELECT 1 FROM proposals.handlers h WHERE h.tenant_id = p.tenant_id AND h.proposal_id = p.id AND h.unit_path @> ARRAY[@Unit]::uuid[])))
        """;

    /// <summary>The parameters <see cref="Visible"/> and <see cref="Columns"/> read, for this actor at this moment.</summary>
    public static object Viewer(CurrentActor actor, DateTimeOffset now) => new
    {
        Tenant = actor.TenantId,
        ReadsAll = actor.Has(ProposalsPermissions.Read),
        Worker = actor.WorkerId ?? Guid.Empty,
        Handles = actor.Has(ProposalsPermissions.Handle),
        Unit = actor.OrganisationId ?? Guid.Empty,
        Now = now,
    };

    private static readonly ProblemCode NotFoundCode = new(404, "proposal_not_found", new("The proposal was not found.", "未找到该提案。"));

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(new($"There is no proposal {id} that you can see in this enterprise.",
        $"本单位没有您可查看的提案 {id}。"));

    /// <summary>The proposal with its co-signers, departments, resolutions and timeline, if the actor may see it; 404 otherwise.</summary>
    public static async Task<Proposal> FindAsync(DbSession db, CurrentActor actor, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var viewer = new Dapper.DynamicParameters(Viewer(actor, clock.GetUtcNow()));
        viewer.Add("Id", id);
        var proposal = await db.QuerySingleOrDefaultAsync<Proposal>(
            $"SELECT {Columns} FROM proposals.proposals p WHERE p.tenant_id = @Tenant AND p.id = @Id AND {Visible}", viewer, ct)
            ?? throw NotFound(id);
        var of = new { Tenant = actor.TenantId, Id = id };
        proposal = proposal with
        {
            Cosigners = await db.QueryAsync<Cosigner>(
                "SELECT worker_id, name, status, invited_at, responded_at FROM proposals.cosigners WHERE tenant_id = @Tenant AND proposal_id = @Id ORDER BY invited_at, name COLLATE \"zh-x-icu\", id",
                of, ct),
            Attachments = await db.QueryAsync<Attachment>(
                $"SELECT {Attachment.Columns} FROM proposals.attachments a WHERE a.tenant_id = @Tenant AND a.proposal_id = @Id ORDER BY a.id", of, ct),
            Handlers = await db.QueryAsync<HandlingUnit>(
                "SELECT unit_id, unit_name AS name, is_lead FROM proposals.handlers WHERE tenant_id = @Tenant AND proposal_id = @Id ORDER BY is_lead DESC, unit_name COLLATE \"zh-x-icu\"",
                of, ct),
            Resolutions = await db.QueryAsync<LinkedResolution>(
                """
                SELECT r.id AS resolution_id, r.title, r.adopted_at FROM proposals.resolution_links l
                JOIN proposals.resolutions r ON r.tenant_id = l.tenant_id AND r.id = l.resolution_id
                WHERE l.tenant_id = @Tenant AND l.proposal_id = @Id ORDER BY r.adopted_at
                """, of, ct),
            Timeline = await db.QueryAsync<TimelineEntry>(
                "SELECT action, from_status, to_status, actor_name, note, rating, occurred_at FROM proposals.timeline WHERE tenant_id = @Tenant AND proposal_id = @Id ORDER BY occurred_at, id",
                of, ct),
        };
        return proposal with { Actions = await CallerActions.ForAsync(db, actor, proposal, ct) };
    }
}
