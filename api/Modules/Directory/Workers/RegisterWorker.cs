using Workforce.BuildingBlocks.Events;
using Workforce.BuildingBlocks.Protection;

namespace Workforce.Directory.Workers;

internal sealed record RegisterWorker : WorkerFields, ICommand<Worker>;

internal sealed class RegisterWorkerValidator : AbstractValidator<RegisterWorker>
{
    public RegisterWorkerValidator(EnterpriseCalendar calendar) => WorkerFieldsValidator.IncludeIn(this, calendar);
}

internal sealed class RegisterWorkerHandler(DbSession db, CurrentActor actor, SensitiveData sensitive, Outbox outbox) : IRequestHandler<RegisterWorker, Worker>
{
    public async Task<Worker> Handle(RegisterWorker request, CancellationToken cancellationToken)
    {
        await WorkerUnit.RequireActiveAsync(db, actor.TenantId, request.UnitId!.Value, cancellationToken);
        var worker = (await WorkerWrites.InsertAsync(db, sensitive, [request.ToValues(sensitive, actor.TenantId, Guid.CreateVersion7())], cancellationToken))[0];
        outbox.Publish(actor.TenantId, WorkerEvents.Registered, worker);
        return worker;
    }
}

internal static class RegisterWorkerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/workers", async (RegisterWorker command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var worker = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/directory/workers/{worker.Id}", worker, response);
        })
        .WithName("RegisterWorker")
        .RequirePermission(DirectoryPermissions.WorkersWrite)
        .WithTags("Workers")
        .WithSummary("Register a worker in the real-name register")
        .Produces<Worker>(StatusCodes.Status201Created)
        .ProducesProblems(409, 422);
}
