using System.Text.Json.Serialization;

namespace Workforce.Congress.Polls;

/// <summary>A democratic evaluation (民主测评): representatives rate each named manager 优秀, 称职, 基本称职 or 不称职.</summary>
internal sealed record CreateEvaluation : ICommand<Poll>
{
    public const int DefaultMinRespondents = 5;

    [JsonIgnore] public Guid SessionId { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The managers rated: name as title, post as detail.</summary>
    public IReadOnlyList<ItemInput>? Managers { get; init; }

    /// <summary>Fewer respondents than this and a manager's ratings are not shown at all (default 5).</summary>
    public int? MinRespondents { get; init; }
}

internal sealed class CreateEvaluationValidator : AbstractValidator<CreateEvaluation>
{
    public CreateEvaluationValidator()
    {
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Give the evaluation a title.", "请填写测评名称。")).MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(10_000);
        RuleFor(c => c.Managers).NotEmpty().Must(m => m!.Count <= 100).WithMessage(new Words("At most 100 managers.", "测评对象最多 100 名。"));
        RuleForEach(c => c.Managers).SetValidator(new ItemInputValidator());
        RuleFor(c => c.MinRespondents).InclusiveBetween(1, 1000);
    }
}

internal sealed class CreateEvaluationHandler(DbSession db, CurrentActor actor) : IRequestHandler<CreateEvaluation, Poll>
{
    public Task<Poll> Handle(CreateEvaluation request, CancellationToken cancellationToken) =>
        Poll.CreateAsync(db, actor.TenantId, request.SessionId, PollKind.Evaluation, request.Title!, request.Description, false, null,
            null, request.MinRespondents ?? CreateEvaluation.DefaultMinRespondents,
            request.Managers!.Select((m, n) => new PollItem { Number = n + 1, Title = m.Title!, Detail = m.Detail }).ToList(),
            cancellationToken);
}

internal static class CreateEvaluationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/evaluations", async (Guid id, CreateEvaluation command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var poll = await mediator.Send(command with { SessionId = id }, ct);
            return Concurrency.CreatedWithETag($"/api/v1/congress/polls/{poll.Id}", poll, response);
        })
        .WithName("CreateEvaluation")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress votes")
        .WithSummary("Add a democratic evaluation of managers; ratings are shown only in aggregate, above a minimum of respondents")
        .Produces<Poll>(StatusCodes.Status201Created)
        .ProducesProblems(404, 409, 422);
}
