using System.Text.Json.Serialization;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Review;

internal enum Decision { Accept, ConvertToSuggestion, Decline }

/// <summary>
/// The committee's review decision: accepted (立案) for handling, converted to a suggestion (转为意见建议), or not
/// accepted, which needs the reason the proposer will read.
/// </summary>
internal sealed record DecideProposal : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public Decision? Decision { get; init; }

    /// <summary>Why: required when not accepting.</summary>
    public string? Reason { get; init; }
}

internal sealed class DecideProposalValidator : AbstractValidator<DecideProposal>
{
    public DecideProposalValidator()
    {
        RuleFor(c => c.Decision).NotNull().IsInEnum();
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).When(c => c.Decision == Decision.Decline)
            .WithMessage(new Words("Say why the proposal is not accepted: its proposer will read it.", "请写明不予立案的理由，提案人会看到。"));
        RuleFor(c => c.Reason).MaximumLength(4000);
    }
}

internal sealed class DecideProposalHandler(DbSession db, CurrentActor actor, ProposalTransition transition) : IRequestHandler<DecideProposal, Proposal>
{
    public async Task<Proposal> Handle(DecideProposal request, CancellationToken cancellationToken)
    {
        var action = request.Decision switch
        {
            Decision.Accept => ProposalAction.Accept,
            Decision.ConvertToSuggestion => ProposalAction.ConvertToSuggestion,
            _ => ProposalAction.Decline,
        };
        var proposal = await transition.LockAsync(request.Id, action, request.ExpectedVersion, cancellationToken);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        await db.ExecuteAsync("UPDATE proposals.proposals SET decision_note = @Reason WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = actor.TenantId, proposal.Id, Reason = reason }, cancellationToken);
        return await transition.MoveAsync(proposal, action, reason, cancellationToken);
    }
}

internal static class DecideProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/decision", async (Guid id, DecideProposal command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("DecideProposal")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal review")
        .WithSummary("Accept (立案), convert to a suggestion, or decline with a reason, a proposal under review")
        .Produces<Proposal>()
        .ProducesProblems(404, 409, 412, 428, 422);
}
