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
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public Rating? Rating { get; init; }
    public string? Comment { get; init; }
}

internal sealed class RateAnswerValidator : AbstractValidator<RateAnswer>
{
    public RateAnswerValidator()
    {
        RuleFor(c => c.Rating).NotNull().IsInEnum();
        RuleFor(c => c.Comment).Must(c => !string.IsNullOrWhiteSpace(c)).When(c => c.Rating == Rating.Unsatisfied)
            .WithMessage(new Words("Say what is unsatisfactory, so the department knows what to do again.", "请写明不满意之处，以便承办部门重新办理。"));
        RuleFor(c => c.Comment).MaximumLength(2000);
    }
}

internal sealed class RateAnswerHandler(DbSession db, CurrentActor actor, EnterpriseCalendar calendar, ProposalTransition transition)
    : IRequestHandler<RateAnswer, Proposal>
{
    public async Task<Proposal> Handle(RateAnswer request, CancellationToken cancellationToken)
    {
        var proposal = await transition.LockAsync(request.Id, ProposalAction.Rate, request.ExpectedVersion, cancellationToken);
        var rating = request.Rating!.Value;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var now = db.Now;
        var rated = new { Tenant = actor.TenantId, proposal.Id, Rating = rating.ToDbText(), Comment = comment, Now = now };
        var settings = await ProposalSettings.OfAsync(db, actor.TenantId, cancellationToken);
        if (rating != Rating.Unsatisfied || proposal.HandlingRound >= settings.MaxHandlingRounds)
        {
            await db.ExecuteAsync(
                "UPDATE proposals.proposals SET rating = @Rating, rating_comment = @Comment, rated_at = @Now WHERE tenant_id = @Tenant AND id = @Id",
                rated, cancellationToken);
            return await transition.MoveAsync(proposal, ProposalAction.Rate, comment, cancellationToken, rating);
        }
        var (dueOn, dueAt) = HandlingDeadline.From(now, settings.HandlingDays, await calendar.OwnAsync(cancellationToken));
        await db.ExecuteAsync(
            """
            UPDATE proposals.proposals
            SET rating = @Rating, rating_comment = @Comment, rated_at = @Now, handling_round = handling_round + 1, assigned_at = @Now,
                due_on = @DueOn, due_at = @DueAt, answer = NULL, answered_at = NULL, reminded_on = NULL
            WHERE tenant_id = @Tenant AND id = @Id
            """,
            new { rated.Tenant, rated.Id, rated.Rating, rated.Comment, rated.Now, DueOn = dueOn, DueAt = dueAt }, cancellationToken);
        return await transition.MoveAsync(proposal, ProposalAction.Reopen, comment, cancellationToken, rating);
    }
}

internal static class RateAnswerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/rating", async (Guid id, RateAnswer command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("RateAnswer")
        .RequirePermission(ProposalsPermissions.Propose)
        .WithTags("Proposal handling")
        .WithSummary("Rate the answer to your proposal; unsatisfied reopens handling while rounds are left")
        .Produces<Proposal>()
        .ProducesProblems(403, 404, 409, 412, 428, 422);
}
