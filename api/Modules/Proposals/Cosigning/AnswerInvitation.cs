using System.Text.Json.Serialization;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Cosigning;

/// <summary>An invited representative accepts or declines co-signing a draft; they may change their mind until it is submitted.</summary>
internal sealed record AnswerInvitation : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }

    public bool? Accept { get; init; }
}

internal sealed class AnswerInvitationValidator : AbstractValidator<AnswerInvitation>
{
    public AnswerInvitationValidator() => RuleFor(c => c.Accept).NotNull();
}

internal sealed class AnswerInvitationHandler(DbSession db, CurrentActor actor, IMediator mediator, TimeProvider clock, Outbox outbox)
    : IRequestHandler<AnswerInvitation, Proposal>
{
    private static readonly ProblemCode NotInvited = new(403, "not_invited",
        new("You are not invited to co-sign this proposal.", "您未被邀请附议此提案。"));

    public async Task<Proposal> Handle(AnswerInvitation request, CancellationToken cancellationToken)
    {
        var proposal = await Proposal.FindAsync(db, actor, clock, request.Id, cancellationToken);
        if (proposal.Cosigners!.All(c => c.WorkerId != actor.WorkerId))
        {
            throw NotInvited.With(new("Only the representatives its proposer invited may co-sign it.", "只有提案人邀请的职工代表才能附议。"));
        }
        if (proposal.Status != ProposalStatus.Draft)
        {
            throw Proposer.NotDraft();
        }
        if (request.Accept == true)
        {
            await Proposer.ServingAsync(mediator, actor, cancellationToken);
        }
        var status = request.Accept == true ? CosignerStatus.Accepted : CosignerStatus.Declined;
        var cosigner = await db.QuerySingleAsync<Guid>(
            "UPDATE proposals.cosigners SET status = @Status, responded_at = @Now WHERE tenant_id = @Tenant AND proposal_id = @Id AND worker_id = @Worker RETURNING id",
            new { Tenant = actor.TenantId, request.Id, Worker = actor.WorkerId, Status = status.ToDbText(), Now = clock.GetUtcNow() }, cancellationToken);
        outbox.Publish(actor.TenantId, request.Accept == true ? CosignerEvents.Accepted : CosignerEvents.Declined, cosigner,
            new { Id = cosigner, ProposalId = request.Id, actor.WorkerId });
        return await Proposal.FindAsync(db, actor, clock, request.Id, cancellationToken);
    }
}

internal static class AnswerInvitationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/cosigning", async (Guid id, AnswerInvitation command, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(command with { Id = id }, ct))
        .WithName("AnswerCosigningInvitation")
        .RequirePermission(ProposalsPermissions.Propose)
        .WithTags("Proposal co-signing")
        .WithSummary("Accept or decline co-signing a draft you are invited to")
        .Produces<Proposal>()
        .ProducesProblems(403, 404, 409, 422);
}
