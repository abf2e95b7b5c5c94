using System.Text.Json.Serialization;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Review;

/// <summary>The proposal committee takes a submitted proposal up for review (审查).</summary>
internal sealed record StartReview : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public string? Note { get; init; }
}

internal sealed class StartReviewValidator : AbstractValidator<StartReview>
{
    public StartReviewValidator() => RuleFor(c => c.Note).MaximumLength(4000);
}

internal sealed class StartReviewHandler(ProposalTransition transition) : IRequestHandler<StartReview, Proposal>
{
    public async Task<Proposal> Handle(StartReview request, CancellationToken cancellationToken)
    {
        var proposal = await transition.LockAsync(request.Id, ProposalAction.StartReview, request.ExpectedVersion, cancellationToken);
        return await transition.MoveAsync(proposal, ProposalAction.StartReview, request.Note, cancellationToken);
    }
}

internal static class StartReviewEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/review", async (Guid id, StartReview? command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send((command ?? new()) with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("StartReview")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal review")
        .WithSummary("Take a submitted proposal up for review")
        .Produces<Proposal>()
        .ProducesProblems(404, 409, 412, 428, 422);
}
