using System.Text.Json.Serialization;

namespace Workforce.Congress.Polls;

/// <summary>An election (e.g. of worker directors): candidates for a number of seats; each representative selects up to that many.</summary>
internal sealed record CreateElection : ICommand<Poll>
{
    [JsonIgnore] public Guid SessionId { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? Seats { get; init; }

    /// <summary>At least as many as seats (等额), or more (差额).</summary>
    public IReadOnlyList<ItemInput>? Candidates { get; init; }
}

internal sealed class CreateElectionValidator : AbstractValidator<CreateElection>
{
    public CreateElectionValidator()
    {
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Give the election a title.", "请填写选举名称。")).MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(10_000);
        RuleFor(c => c.Seats).NotNull().InclusiveBetween(1, 50);
        RuleFor(c => c.Candidates).NotEmpty().Must(c => c!.Count <= 100).WithMessage(new Words("At most 100 candidates.", "候选人最多 100 名。"));
        RuleFor(c => c.Candidates!.Count).GreaterThanOrEqualTo(c => c.Seats!.Value).OverridePropertyName(nameof(CreateElection.Candidates))
            .WithMessage(new Words("Name at least as many candidates as there are seats.", "候选人人数不能少于应选名额。"))
            .When(c => c.Candidates is not null && c.Seats is not null);
        RuleForEach(c => c.Candidates).SetValidator(new ItemInputValidator());
    }
}

internal sealed class CreateElectionHandler(DbSession db, CurrentActor actor) : IRequestHandler<CreateElection, Poll>
{
    public Task<Poll> Handle(CreateElection request, CancellationToken cancellationToken) =>
        Poll.CreateAsync(db, actor.TenantId, request.SessionId, PollKind.Election, request.Title!, request.Description, false, null,
            request.Seats, null, request.Candidates!.Select((c, n) => new PollItem { Number = n + 1, Title = c.Title!, Detail = c.Detail }).ToList(),
            cancellationToken);
}

internal static class CreateElectionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/elections", async (Guid id, CreateElection command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var poll = await mediator.Send(command with { SessionId = id }, ct);
            return Concurrency.CreatedWithETag($"/api/v1/congress/polls/{poll.Id}", poll, response);
        })
        .WithName("CreateElection")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress votes")
        .WithSummary("Add an election of candidates to seats")
        .Produces<Poll>(StatusCodes.Status201Created)
        .ProducesProblems(404, 409, 422);
}
