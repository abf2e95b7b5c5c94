namespace Workforce.Proposals.Calls;

internal sealed record CreateCall : ICommand<Call>, ICallText
{
    public string? Theme { get; init; }
    public string? Description { get; init; }
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }

    /// <summary>The congress session the proposals are for (optional).</summary>
    public Guid? SessionId { get; init; }
}

/// <summary>What a call says, as it is opened or rewritten.</summary>
internal interface ICallText
{
    string? Theme { get; }
    string? Description { get; }
    DateOnly? OpensOn { get; }
    DateOnly? ClosesOn { get; }
}

internal sealed class CreateCallValidator : AbstractValidator<CreateCall>
{
    public CreateCallValidator() => Include(new CallTextValidator<CreateCall>());
}

internal sealed class CallTextValidator<T> : AbstractValidator<T> where T : ICallText
{
    public CallTextValidator()
    {
        RuleFor(c => c.Theme).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Give the call a theme.", "请填写征集主题。")).MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(4000);
        RuleFor(c => c.OpensOn).NotNull();
        RuleFor(c => c.ClosesOn).NotNull().GreaterThanOrEqualTo(c => c.OpensOn).WithMessage(new Words("The call closes on or after the day it opens.", "征集截止日期不能早于开始日期。"));
    }
}

internal sealed class CreateCallHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<CreateCall, Call>
{
    public async Task<Call> Handle(CreateCall request, CancellationToken cancellationToken)
    {
        var call = await db.QuerySingleAsync<Call>(
            $"""
            INSERT INTO proposals.calls AS c (tenant_id, id, theme, description, opens_on, closes_on, session_id)
            VALUES (@Tenant, @Id, @Theme, @Description, @OpensOn, @ClosesOn, @SessionId)
            RETURNING {Call.Columns}
            """,
            new
            {
                Tenant = actor.TenantId, Id = Guid.CreateVersion7(), Theme = request.Theme!.Trim(),
                Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
                request.OpensOn, request.ClosesOn, request.SessionId,
            }, cancellationToken);
        outbox.Publish(actor.TenantId, CallEvents.Opened, call.Id, new { call.Id, call.Theme, call.OpensOn, call.ClosesOn, call.SessionId });
        return call;
    }
}

internal static class CreateCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/calls", async (CreateCall command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var call = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/proposals/calls/{call.Id}", call, response);
        })
        .WithName("CreateCall")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal calls")
        .WithSummary("Call for proposals (征集) on a theme for a period")
        .Produces<Call>(StatusCodes.Status201Created)
        .ProducesProblems(422);
}
