using System.Text.Json.Serialization;

namespace Workforce.Congress.Polls;

/// <summary>A motion (议题) for the session to vote on: one question, or several items voted separately (分项表决).</summary>
internal sealed record CreateMotion : ICommand<Poll>
{
    [JsonIgnore] public Guid SessionId { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The items of an itemised motion, each voted for, against or abstaining on its own; none for a single motion.</summary>
    public IReadOnlyList<ItemInput>? Items { get; init; }

    /// <summary>majorityOfAll (the default) or twoThirdsOfAll for special matters.</summary>
    public PassRule? PassRule { get; init; }
}

internal sealed record ItemInput
{
    public string? Title { get; init; }
    public string? Detail { get; init; }
}

internal sealed class ItemInputValidator : AbstractValidator<ItemInput>
{
    public ItemInputValidator()
    {
        RuleFor(i => i.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Give each item a title.", "请填写每一项的名称。")).MaximumLength(200);
        RuleFor(i => i.Detail).MaximumLength(2000);
    }
}

internal sealed class CreateMotionValidator : AbstractValidator<CreateMotion>
{
    public CreateMotionValidator()
    {
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Give the motion a title.", "请填写议题名称。")).MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(10_000);
        RuleFor(c => c.Items).Must(i => i is null || i.Count is 0 or (>= 2 and <= 100))
            .WithMessage(new Words("An itemised motion has 2 to 100 items; a single motion none.", "分项表决的议题须有 2 至 100 个分项；整体表决的议题不设分项。"));
        RuleForEach(c => c.Items).SetValidator(new ItemInputValidator());
        RuleFor(c => c.PassRule).IsInEnum();
    }
}

internal sealed class CreateMotionHandler(DbSession db, CurrentActor actor) : IRequestHandler<CreateMotion, Poll>
{
    public Task<Poll> Handle(CreateMotion request, CancellationToken cancellationToken)
    {
        var itemised = request.Items is { Count: > 0 };
        IReadOnlyList<PollItem> items = itemised
            ? request.Items!.Select((i, n) => new PollItem { Number = n + 1, Title = i.Title!, Detail = i.Detail }).ToList()
            : [new PollItem { Number = 1, Title = request.Title! }];
        return Poll.CreateAsync(db, actor.TenantId, request.SessionId, PollKind.Motion, request.Title!, request.Description,
            itemised, request.PassRule ?? PassRule.MajorityOfAll, null, null, items, cancellationToken);
    }
}

internal static class CreateMotionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/motions", async (Guid id, CreateMotion command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var poll = await mediator.Send(command with { SessionId = id }, ct);
            return Concurrency.CreatedWithETag($"/api/v1/congress/polls/{poll.Id}", poll, response);
        })
        .WithName("CreateMotion")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress votes")
        .WithSummary("Add a motion, single or itemised, with its pass rule")
        .Produces<Poll>(StatusCodes.Status201Created)
        .ProducesProblems(404, 409, 422);
}
