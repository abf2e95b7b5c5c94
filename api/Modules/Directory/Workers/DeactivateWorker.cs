using System.Text.Json.Serialization;
using Workforce.BuildingBlocks.Events;
using Workforce.BuildingBlocks.Protection;

namespace Workforce.Directory.Workers;

/// <summary>Record that a worker left or retired; their current representative appointments end the same day.</summary>
internal sealed record DeactivateWorker : ICommand<Worker>
{
    [JsonIgnore] public Guid WorkerId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    /// <summary>left or retired.</summary>
    public WorkerStatus? Status { get; init; }

    public DateOnly? LeftOn { get; init; }
}

internal sealed class DeactivateWorkerValidator : AbstractValidator<DeactivateWorker>
{
    public DeactivateWorkerValidator(EnterpriseCalendar calendar)
    {
        RuleFor(c => c.Status).NotNull().Must(s => s is WorkerStatus.Left or WorkerStatus.Retired)
            .WithMessage(new Words("Say whether the worker left or retired.", "请说明该职工是离职还是退休。"));
        RuleFor(c => c.LeftOn).NotNull()
            .MustAsync(async (d, ct) => d <= (await calendar.OwnAsync(ct)).Today.AddDays(90))
            .WithMessage(new Words("The leaving date can be at most 90 days ahead.", "离职日期最晚只能是 90 天以后。"));
    }
}

internal sealed class DeactivateWorkerHandler(DbSession db, CurrentActor actor, SensitiveData sensitive, Outbox outbox) : IRequestHandler<DeactivateWorker, Worker>
{
    public async Task<Worker> Handle(DeactivateWorker request, CancellationToken cancellationToken)
    {
        var current = await Worker.FindAsync(db, actor.TenantId, request.WorkerId, forUpdate: true, cancellationToken)
            ?? throw Worker.NotFound(request.WorkerId);
        Concurrency.EnsureVersion(current.Version, request.ExpectedVersion);
        if (!current.IsEmployed)
        {
            throw Worker.Deactivated.With(new("This worker has already left or retired.", "该职工已经离职或退休，无需再办理。"));
        }
        if (current.HiredOn is { } hired && request.LeftOn < hired)
        {
            throw ProblemException.Invalid("leftOn", new Words("The leaving date cannot be before the hire date.", "离职日期不能早于入职日期。"));
        }

        var parameters = new
        {
            TenantId = actor.TenantId, current.Id, Status = request.Status!.Value.ToDbText(), request.LeftOn,
            EndReason = new Words("Left the enterprise", "已离开本企业").Said,
        };
        await db.ExecuteAsync(
            """
            UPDATE directory.representatives
            SET ended_on = GREATEST(@LeftOn, appointed_on), end_reason = @EndReason, version = version + 1, updated_at = @Now
            WHERE tenant_id = @TenantId AND worker_id = @Id AND ended_on IS NULL
            """,
            parameters, cancellationToken);
        var worker = (await Worker.WriteAsync(db, sensitive,
            """
            UPDATE directory.workers SET status = @Status, left_on = @LeftOn, version = version + 1, updated_at = @Now
            WHERE tenant_id = @TenantId AND id = @Id
            RETURNING *
            """,
            parameters, cancellationToken))[0];
        outbox.Publish(actor.TenantId, WorkerEvents.Deactivated, worker);
        return worker;
    }
}

internal static class DeactivateWorkerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/workers/{id:guid}/deactivate", async (Guid id, DeactivateWorker command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var worker = await mediator.Send(command with { WorkerId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct);
            return Concurrency.WithETag(worker, request.HttpContext.Response);
        })
        .WithName("DeactivateWorker")
        .RequirePermission(DirectoryPermissions.WorkersWrite)
        .WithTags("Workers")
        .WithSummary("Record that a worker left or retired; ends their representative appointments (needs If-Match)")
        .Produces<Worker>()
        .ProducesProblems(404, 409, 412, 422, 428);
}
