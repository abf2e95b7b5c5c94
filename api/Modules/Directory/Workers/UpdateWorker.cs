using System.Text.Json.Serialization;
using Workforce.BuildingBlocks.Events;
using Workforce.BuildingBlocks.Protection;

namespace Workforce.Directory.Workers;

/// <summary>Replace a worker's fields; the worker must still be employed.</summary>
internal sealed record UpdateWorker : WorkerFields, ICommand<Worker>
{
    [JsonIgnore] public Guid WorkerId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

internal sealed class UpdateWorkerValidator : AbstractValidator<UpdateWorker>
{
    public UpdateWorkerValidator(EnterpriseCalendar calendar) => WorkerFieldsValidator.IncludeIn(this, calendar);
}

internal sealed class UpdateWorkerHandler(DbSession db, CurrentActor actor, SensitiveData sensitive, Outbox outbox) : IRequestHandler<UpdateWorker, Worker>
{
    public async Task<Worker> Handle(UpdateWorker request, CancellationToken cancellationToken)
    {
        var current = await Worker.FindAsync(db, actor.TenantId, request.WorkerId, forUpdate: true, cancellationToken)
            ?? throw Worker.NotFound(request.WorkerId);
        Concurrency.EnsureVersion(current.Version, request.ExpectedVersion);
        if (!current.IsEmployed)
        {
            throw Worker.Deactivated.With(new("This worker has left or retired; their record is kept as it was.", "该职工已离职或退休，其档案保持原样，不能再修改。"));
        }
        if (request.UnitId != current.UnitId)
        {
            await WorkerUnit.RequireActiveAsync(db, actor.TenantId, request.UnitId!.Value, cancellationToken);
        }

        var changed = await WorkerWrites.ReplaceAsync(db, sensitive, [request.ToValues(sensitive, actor.TenantId, current.Id)], cancellationToken);
        if (changed.Count == 0)
        {
            return current.Revealed(sensitive);
        }
        outbox.Publish(actor.TenantId, WorkerEvents.Updated, changed[0]);
        return changed[0];
    }
}

internal static class UpdateWorkerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/workers/{id:guid}", async (Guid id, UpdateWorker command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var updated = await mediator.Send(command with { WorkerId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct);
            return Concurrency.WithETag(updated, request.HttpContext.Response);
        })
        .WithName("UpdateWorker")
        .RequirePermission(DirectoryPermissions.WorkersWrite)
        .WithTags("Workers")
        .WithSummary("Replace a worker's fields (needs If-Match)")
        .Produces<Worker>()
        .ProducesProblems(404, 409, 412, 422, 428);
}
