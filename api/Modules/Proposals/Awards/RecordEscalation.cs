using System.Text.Json.Serialization;

namespace Workforce.Proposals.Awards;

/// <summary>Records that a nominated proposal was forwarded as a suggestion to the people's congress or the CPPCC (人大建议 / 政协提案).</summary>
internal sealed record RecordEscalation : ICommand<Nomination>
{
    [JsonIgnore] public Guid NominationId { get; init; }

    public TargetBody? TargetBody { get; init; }
    public DateOnly? ForwardedOn { get; init; }

    /// <summary>The receiving body's reference (案号 / 编号).</summary>
    public string? Reference { get; init; }

    public string? Note { get; init; }
}

internal sealed class RecordEscalationValidator : AbstractValidator<RecordEscalation>
{
    public RecordEscalationValidator()
    {
        RuleFor(c => c.TargetBody).NotNull().IsInEnum();
        RuleFor(c => c.ForwardedOn).NotNull();
        RuleFor(c => c.Reference).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(new Words("Give the receiving body's reference.", "请填写接收机关给出的案号。")).MaximumLength(100);
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

internal sealed class RecordEscalationHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<RecordEscalation, Nomination>
{
    public async Task<Nomination> Handle(RecordEscalation request, CancellationToken cancellationToken)
    {
        var nomination = await Nomination.FindAsync(db, actor.TenantId, request.NominationId, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO proposals.escalations (tenant_id, id, nomination_id, target_body, forwarded_on, reference, note, recorded_by)
            VALUES (@Tenant, @Id, @NominationId, @TargetBody, @ForwardedOn, @Reference, @Note, @RecordedBy)
            """,
            new
            {
                Tenant = actor.TenantId, Id = id, request.NominationId, TargetBody = request.TargetBody!.Value.ToDbText(), request.ForwardedOn,
                Reference = request.Reference!.Trim(), Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), RecordedBy = actor.Name,
            }, cancellationToken);
        outbox.Publish(actor.TenantId, AwardEvents.NominationEscalated, nomination.Id,
            new { nomination.Id, EscalationId = id, TargetBody = request.TargetBody.Value.ToDbText(), request.ForwardedOn, request.Reference });
        return await Nomination.FindAsync(db, actor.TenantId, nomination.Id, cancellationToken);
    }
}

internal static class RecordEscalationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/award-nominations/{id:guid}/escalations", async (Guid id, RecordEscalation command, IMediator mediator, CancellationToken ct) =>
        {
            var nomination = await mediator.Send(command with { NominationId = id }, ct);
            return TypedResults.Created($"/api/v1/proposals/award-nominations/{id}", nomination);
        })
        .WithName("RecordEscalation")
        .RequirePermission(ProposalsPermissions.AwardsManage)
        .WithTags("Proposal awards")
        .WithSummary("Record that a nominated proposal was forwarded to the people's congress or the CPPCC")
        .Produces<Nomination>(StatusCodes.Status201Created)
        .ProducesProblems(404, 422);
}
