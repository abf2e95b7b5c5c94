using Workforce.Proposals.Calls;

namespace Workforce.Proposals.Proposals;

/// <summary>A representative starts a proposal of their own, as a draft only they and those they invite can see.</summary>
internal sealed record DraftProposal : ICommand<Proposal>, IProposalText
{
    /// <summary>The call it answers; proposals may also be made outside any call.</summary>
    public Guid? CallId { get; init; }

    public ProposalCategory? Category { get; init; }
    public string? Title { get; init; }

    /// <summary>案由: the problem and why it matters.</summary>
    public string? Reasons { get; init; }

    /// <summary>建议: what should be done.</summary>
    public string? Suggestions { get; init; }
}

/// <summary>What a proposal says, as a draft is started or rewritten.</summary>
internal interface IProposalText
{
    ProposalCategory? Category { get; }
    string? Title { get; }
    string? Reasons { get; }
    string? Suggestions { get; }
}

internal sealed class ProposalTextValidator<T> : AbstractValidator<T> where T : IProposalText
{
    public ProposalTextValidator()
    {
        RuleFor(c => c.Category).NotNull().IsInEnum();
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Give the proposal a title.", "请填写提案标题。")).MaximumLength(200);
        RuleFor(c => c.Reasons).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Say what the problem is and why it matters.", "请写明案由：存在什么问题，为什么需要解决。")).MaximumLength(10_000);
        RuleFor(c => c.Suggestions).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Say what should be done.", "请写明具体建议。")).MaximumLength(10_000);
    }
}

internal sealed class DraftProposalValidator : AbstractValidator<DraftProposal>
{
    public DraftProposalValidator() => Include(new ProposalTextValidator<DraftProposal>());
}

internal sealed class DraftProposalHandler(DbSession db, CurrentActor actor, IMediator mediator, TimeProvider clock, ProposalTransition transition)
    : IRequestHandler<DraftProposal, Proposal>
{
    public async Task<Proposal> Handle(DraftProposal request, CancellationToken cancellationToken)
    {
        var proposer = await Proposer.ServingAsync(mediator, actor, cancellationToken);
        await Call.EnsureExistsAsync(db, actor.TenantId, request.CallId, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO proposals.proposals (tenant_id, id, call_id, category, title, reasons, suggestions, proposer_worker_id, proposer_name, created_at, updated_at)
            VALUES (@Tenant, @Id, @CallId, @Category, @Title, @Reasons, @Suggestions, @Worker, @Name, @Now, @Now)
            """,
            new
            {
                Tenant = actor.TenantId, Id = id, request.CallId, Category = request.Category!.Value.ToDbText(), Title = request.Title!.Trim(),
                Reasons = request.Reasons!.Trim(), Suggestions = request.Suggestions!.Trim(), Worker = proposer.WorkerId, proposer.Name, Now = clock.GetUtcNow(),
            }, cancellationToken);
        await transition.RecordAsync(id, "drafted", null, ProposalStatus.Draft, null, cancellationToken);
        return await Proposal.FindAsync(db, actor, clock, id, cancellationToken);
    }
}

internal static class DraftProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals", async (DraftProposal command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var proposal = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/proposals/proposals/{proposal.Id}", proposal, response);
        })
        .WithName("DraftProposal")
        .RequirePermission(ProposalsPermissions.Propose)
        .WithTags("Proposals")
        .WithSummary("Start a proposal as a draft (the signed-in representative proposes it)")
        .Produces<Proposal>(StatusCodes.Status201Created)
        .ProducesProblems(403, 422);
}
