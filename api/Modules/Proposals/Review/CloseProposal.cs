using System.Text.Json.Serialization;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Review;

/// <summary>The committee closes (结案) a proposal whose answer has been rated.</summary>
internal sealed record CloseProposal : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public string? Note { get; init; }
}

internal sealed class CloseProposalValidator : AbstractValidator<CloseProposal>
{
    public CloseProposalValidator() => RuleFor(c => c.Note).MaximumLength(4000);
}

internal sealed class CloseProposalHandler(DbSession db, CurrentActor actor, TimeProvider clock, ProposalTransition transition)
    : IRequestHandler<CloseProposal, Proposal>
{
    public async Task<Proposal> Handle(CloseProposal request, CancellationToken cancellationToken)
    {
        var proposal = await transition.LockAsync(request.Id, ProposalAction.Close, request.ExpectedVersion, cancellationToken);
        await db.ExecuteAsync("UPDATE proposals.proposals SET closed_at = @Now WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = actor.TenantId, proposal.Id, Now = clock.GetUtcNow() }, cancellationToken);
        return await transition.MoveAsync(proposal, ProposalAction.Close, request.Note, cancellationToken);
    }
}

internal static class CloseProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/close", async (Guid id, CloseProposal? command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send((command ?? new()) with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("CloseProposal")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal review")
        .WithSummary("Close a proposal whose answer has been rated")
        .Produces<Proposal>()
        .ProducesProblems(404, 409, 412, 428, 422);
}
