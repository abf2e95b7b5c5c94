using System.Text.Json.Serialization;
using Workforce.Directory.Workers;

namespace Workforce.Directory.Representatives;

internal sealed record AppointRepresentative : ICommand<Representative>
{
    [JsonIgnore] public Guid TermId { get; init; }

    public Guid? WorkerId { get; init; }
    public string? DelegationGroup { get; init; }
    public bool? IsWorkerDirector { get; init; }
    public bool? IsWorkerSupervisor { get; init; }

    /// <summary>Within the term; its first day when not given.</summary>
    public DateOnly? AppointedOn { get; init; }
}

internal sealed class AppointRepresentativeValidator : AbstractValidator<AppointRepresentative>
{
    public AppointRepresentativeValidator()
    {
        RuleFor(c => c.WorkerId).NotEmpty();
        RuleFor(c => c.DelegationGroup).Must(g => !string.IsNullOrWhiteSpace(g)).WithMessage(new Words("Name the delegation group.", "请填写所在代表团（组）。"))
            .MaximumLength(50);
    }
}

internal sealed class AppointRepresentativeHandler(DbSession db, CurrentActor actor) : IRequestHandler<AppointRepresentative, Representative>
{
    public async Task<Representative> Handle(AppointRepresentative request, CancellationToken cancellationToken)
    {
        var term = await CongressTerm.FindAsync(db, actor.TenantId, request.TermId, cancellationToken)
            ?? throw CongressTerm.NotFound(request.TermId);
        var appointedOn = request.AppointedOn ?? term.StartsOn;
        if (appointedOn < term.StartsOn || appointedOn > term.EndsOn)
        {
            throw ProblemException.Invalid("appointedOn", new Words($"Appoint within the term: {term.StartsOn:yyyy-MM-dd} to {term.EndsOn:yyyy-MM-dd}.",
                $"任职日期须在本届任期内：{term.StartsOn:yyyy-MM-dd} 至 {term.EndsOn:yyyy-MM-dd}。"));
        }
        var workerStatus = await db.QuerySingleOrDefaultAsync<string>(
            "SELECT status FROM directory.workers WHERE tenant_id = @Tenant AND id = @WorkerId FOR SHARE",
            new { Tenant = actor.TenantId, request.WorkerId }, cancellationToken)
            ?? throw ProblemException.UnknownReference("workerId", Worker.NoSuch(request.WorkerId));
        if (workerStatus is not ("active" or "onLeave"))
        {
            throw ProblemException.Invalid("workerId", new Words("Only an employed worker can be appointed.", "只有在职职工才能担任职工代表。"));
        }

        return await Representative.WriteAsync(db,
            """
            INSERT INTO directory.representatives (tenant_id, id, term_id, worker_id, delegation_group, is_worker_director, is_worker_supervisor, appointed_on)
            VALUES (@Tenant, @Id, @TermId, @WorkerId, @DelegationGroup, @IsWorkerDirector, @IsWorkerSupervisor, @AppointedOn)
            RETURNING *
            """,
            new
            {
                Tenant = actor.TenantId,
                Id = Guid.CreateVersion7(),
                TermId = term.Id,
                request.WorkerId,
                DelegationGroup = request.DelegationGroup!.Trim(),
                IsWorkerDirector = request.IsWorkerDirector ?? false,
                IsWorkerSupervisor = request.IsWorkerSupervisor ?? false,
                AppointedOn = appointedOn,
            },
            cancellationToken);
    }
}

internal static class AppointRepresentativeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/terms/{termId:guid}/representatives", async (Guid termId, AppointRepresentative command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var appointed = await mediator.Send(command with { TermId = termId }, ct);
            return Concurrency.CreatedWithETag($"/api/v1/directory/representatives/{appointed.Id}", appointed, response);
        })
        .WithName("AppointRepresentative")
        .RequirePermission(DirectoryPermissions.RepresentativesWrite)
        .WithTags("Representatives")
        .WithSummary("Appoint a worker as representative for a term, in a delegation group")
        .Produces<Representative>(StatusCodes.Status201Created)
        .ProducesProblems(404, 409, 422);
}
