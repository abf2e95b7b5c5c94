using System.Text.Json.Serialization;
using Workforce.Directory.Contracts;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Cosigning;

/// <summary>The proposer invites representatives to co-sign (附议) their draft; only those who accept count towards submission.</summary>
internal sealed record InviteCosigners : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }

    /// <summary>The invitees' Directory worker ids; each must be a representative serving today. Invited ones are left as they are.</summary>
    public IReadOnlyList<Guid>? WorkerIds { get; init; }
}

internal sealed class InviteCosignersValidator : AbstractValidator<InviteCosigners>
{
    public InviteCosignersValidator() =>
        RuleFor(c => c.WorkerIds).NotEmpty().Must(ids => ids!.Count <= 50).WithMessage(new Words("Invite at most 50 representatives at a time.", "每次最多邀请 50 名职工代表。"));
}

internal sealed class InviteCosignersHandler(DbSession db, CurrentActor actor, IMediator mediator, TimeProvider clock, Outbox outbox)
    : IRequestHandler<InviteCosigners, Proposal>
{
    public async Task<Proposal> Handle(InviteCosigners request, CancellationToken cancellationToken)
    {
        var draft = await Proposer.OwnDraftAsync(db, actor, clock, request.Id, cancellationToken);
        var wanted = request.WorkerIds!.Distinct().ToList();
        if (wanted.Contains(draft.ProposerWorkerId))
        {
            throw ProblemException.Invalid("workerIds", new Words("The proposer cannot co-sign their own proposal.", "提案人不能附议自己的提案。"));
        }
        var serving = await mediator.Send(new FindServingRepresentatives(wanted), cancellationToken);
        var notServing = wanted.Except(serving.Select(r => r.WorkerId)).ToList();
        if (notServing.Count > 0)
        {
            throw ProblemException.Invalid("workerIds", new Words($"Not a representative serving today: {string.Join(", ", notServing)}.",
                $"以下人员不是在任的职工代表：{string.Join("、", notServing)}。"));
        }
        var invited = await db.QueryAsync<(Guid Id, Guid WorkerId)>(
            """
            INSERT INTO proposals.cosigners (tenant_id, id, proposal_id, worker_id, name, invited_at)
            SELECT @Tenant, gen_random_uuid(), @Id, w.id, w.name, @Now FROM unnest(@Workers, @Names) AS w (id, name)
            ON CONFLICT (tenant_id, proposal_id, worker_id) DO NOTHING
            RETURNING id, worker_id
            """,
            new
            {
                Tenant = actor.TenantId, request.Id, Now = clock.GetUtcNow(),
                Workers = serving.Select(r => r.WorkerId).ToArray(), Names = serving.Select(r => r.Name).ToArray(),
            }, cancellationToken);
        foreach (var cosigner in invited)
        {
            outbox.Publish(actor.TenantId, CosignerEvents.Invited, cosigner.Id, new { cosigner.Id, ProposalId = request.Id, cosigner.WorkerId });
        }
        return await Proposal.FindAsync(db, actor, clock, request.Id, cancellationToken);
    }
}

internal static class InviteCosignersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/cosigners", async (Guid id, InviteCosigners command, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(command with { Id = id }, ct))
        .WithName("InviteCosigners")
        .RequirePermission(ProposalsPermissions.Propose)
        .WithTags("Proposal co-signing")
        .WithSummary("Invite serving representatives to co-sign a draft (its proposer)")
        .Produces<Proposal>()
        .ProducesProblems(403, 404, 409, 422);
}
