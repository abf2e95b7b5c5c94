using System.Text.Json.Serialization;

namespace Workforce.Directory.Representatives;

/// <summary>End a representative's appointment before the term is over (resignation, recall, transfer).</summary>
internal sealed record EndAppointment : ICommand<Representative>
{
    [JsonIgnore] public Guid RepresentativeId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public DateOnly? EndedOn { get; init; }
    public string? Reason { get; init; }
}

internal sealed class EndAppointmentValidator : AbstractValidator<EndAppointment>
{
    public EndAppointmentValidator()
    {
        RuleFor(c => c.EndedOn).NotNull();
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(new Words("Say why the appointment ends.", "请说明终止任职的原因。"))
            .MaximumLength(200);
    }
}

internal sealed class EndAppointmentHandler(DbSession db, CurrentActor actor) : IRequestHandler<EndAppointment, Representative>
{
    private static readonly ProblemCode Ended = new(409, "appointment_ended", new("The appointment has already ended.", "该任职已经终止。"));

    public async Task<Representative> Handle(EndAppointment request, CancellationToken cancellationToken)
    {
        var current = await db.QuerySingleOrDefaultAsync<(int Version, DateOnly AppointedOn, DateOnly? EndedOn)>(
            "SELECT version, appointed_on, ended_on FROM directory.representatives WHERE tenant_id = @Tenant AND id = @Id FOR UPDATE",
            new { Tenant = actor.TenantId, Id = request.RepresentativeId }, cancellationToken);
        if (current == default)
        {
            throw Representative.NotFound(request.RepresentativeId);
        }
        Concurrency.EnsureVersion(current.Version, request.ExpectedVersion);
        if (current.EndedOn is not null)
        {
            throw Ended.With(new($"This appointment already ended on {current.EndedOn:yyyy-MM-dd}.", $"该任职已于 {current.EndedOn:yyyy-MM-dd} 终止。"));
        }
        if (request.EndedOn < current.AppointedOn)
        {
            throw ProblemException.Invalid("endedOn", new Words($"The appointment began on {current.AppointedOn:yyyy-MM-dd}; it cannot end before that.",
                $"该任职始于 {current.AppointedOn:yyyy-MM-dd}，终止日期不能早于这一天。"));
        }

        return await Representative.WriteAsync(db,
            """
            UPDATE directory.representatives SET ended_on = @EndedOn, end_reason = @Reason, version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id
            RETURNING *
            """,
            new { Tenant = actor.TenantId, Id = request.RepresentativeId, request.EndedOn, Reason = request.Reason!.Trim() },
            cancellationToken);
    }
}

internal static class EndAppointmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/representatives/{id:guid}/end", async (Guid id, EndAppointment command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var ended = await mediator.Send(command with { RepresentativeId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct);
            return Concurrency.WithETag(ended, request.HttpContext.Response);
        })
        .WithName("EndAppointment")
        .RequirePermission(DirectoryPermissions.RepresentativesWrite)
        .WithTags("Representatives")
        .WithSummary("End a representative's appointment (needs If-Match)")
        .Produces<Representative>()
        .ProducesProblems(404, 409, 412, 422, 428);
}
