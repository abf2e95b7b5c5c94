using System.Text.Json.Serialization;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Handling;

/// <summary>The lead department answers (答复) a proposal assigned to it, for its proposer to rate.</summary>
internal sealed record AnswerProposal : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public string? Answer { get; init; }
}

internal sealed class AnswerProposalValidator : AbstractValidator<AnswerProposal>
{
    public AnswerProposalValidator() =>
        RuleFor(c => c.Answer).Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage(new Words("Write the answer: what was done, or will be, and why.", "请填写答复：已经或将要采取的措施及理由。")).MaximumLength(10_000);
}

internal sealed class AnswerProposalHandler(DbSession db, CurrentActor actor, TimeProvider clock, ProposalTransition transition)
    : IRequestHandler<AnswerProposal, Proposal>
{
    public async Task<Proposal> Handle(AnswerProposal request, CancellationToken cancellationToken)
    {
        var proposal = await transition.LockAsync(request.Id, ProposalAction.Answer, request.ExpectedVersion, cancellationToken);
        // The answer is also the step's note, so every round's answer stays on the timeline after a reopening.
        var answer = request.Answer!.Trim();
        await db.ExecuteAsync("UPDATE proposals.proposals SET answer = @Answer, answered_at = @Now WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = actor.TenantId, proposal.Id, Answer = answer, Now = clock.GetUtcNow() }, cancellationToken);
        return await transition.MoveAsync(proposal, ProposalAction.Answer, answer, cancellationToken);
    }
}

internal static class AnswerProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/answer", async (Guid id, AnswerProposal command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("AnswerProposal")
        .RequirePermission(ProposalsPermissions.Handle)
        .WithTags("Proposal handling")
        .WithSummary("Answer a proposal assigned to your department as its lead")
        .Produces<Proposal>()
        .ProducesProblems(403, 404, 409, 412, 428, 422);
}
