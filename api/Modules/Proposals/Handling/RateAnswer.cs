using System.Text.Json.Serialization;
using Workforce.Proposals.Proposals;
using Workforce.Proposals.Settings;

namespace Workforce.Proposals.Handling;

/// <summary>
/// The proposer rates the answer: satisfied, basically satisfied, or unsatisfied (with a comment). Unsatisfied sends
/// the proposal back to its departments with a new deadline while handling rounds are left (the enterprise's setting,
/// 2 unless set); after the last round the rating stands and the committee closes it.
/// </summary>
internal sealed record RateAnswer : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int? ExpectedVersion { get; init; }

    public Rating? Rating { get; init; }
    public string? Comment { get; init; }
}

internal sealed class RateAnswerValidator : AbstractValidator<RateAnswer>
{
    public RateAnswerValidator()
    {
        RuleFor(c => c.Rating).NotNull().IsInEnum();
        RuleFor(c => c.Comment).Must(c => !string.IsNullOrWhiteSpace(c)).When(c => c.Rating == Rating.Unsatisfied)
            .WithMessage("Say what is unsatisfactory, so the department knows what to do again.");
        RuleFor(c => c.Comment).MaximumLength(2000);
    }
}

internal sealed class RateAnswerHandler(DbSession db, CurrentActor actor, EnterpriseCalendar calendar, TimeProvider clock, ProposalTransition transition)
    : IRequestHandler<RateAnswer, Proposal>
{
    public async Task<Proposal> Handle(RateAnswer request, CancellationToken cancellationToken)
    {
        var proposal = await transition.LockAsync(request.Id, ProposalAction.Rate, request.ExpectedVersion, cancellationToken);
        var rating = request.Rating!.Value;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var rated = new { Rating = rating.ToDbText(), Comment = comment };
        const string SetRating = "rating = @Rating, rating_comment = @Comment, rated_at = @Now";
        var settings = await ProposalSettings.OfAsync(db, actor.TenantId, cancellationToken);
        if (rating != Rating.Unsatisfied || proposal.HandlingRound >= settings.MaxHandlingRounds)
        {
            return await transition.MoveAsync(proposal, "rated", ProposalStatus.Rated, Note(rating, comment), SetRating, rated, cancellationToken);
        }
        var (dueOn, dueAt) = HandlingDeadline.From(clock.GetUtcNow(), settings.HandlingDays, await calendar.OwnAsync(cancellationToken));
        return await transition.MoveAsync(proposal, "reopened", ProposalStatus.Assigned, Note(rating, comment),
            $"{SetRating}, handling_round = handling_round + 1, assigned_at = @Now, due_on = @DueOn, due_at = @DueAt, answer = NULL, answered_at = NULL, reminded_on = NULL",
            new { rated.Rating, rated.Comment, DueOn = dueOn, DueAt = dueAt }, cancellationToken);
    }

    private static string Note(Rating rating, string? comment) => comment is null ? rating.ToDbText() : $"{rating.ToDbText()}: {comment}";
}

internal static class RateAnswerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/rating", async (Guid id, RateAnswer command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersionIfSent(request) }, ct),
                request.HttpContext.Response))
        .WithName("RateAnswer")
        .RequirePermission(Permissions.Proposals.Propose)
        .WithTags("Proposal handling")
        .WithSummary("Rate the answer to your proposal; unsatisfied reopens handling while rounds are left")
        .Produces<Proposal>()
        .ProducesProblems(403, 404, 409, 412, 422);
}
