using System.Text.Json.Serialization;

namespace Workforce.Congress.Resolutions;

/// <summary>Sets who carries a resolution out, by when, and how far it is; fields left out stay as they are.</summary>
internal sealed record TrackResolution : ICommand<Resolution>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    /// <summary>The department or person responsible (承办).</summary>
    public string? Owner { get; init; }

    public DateOnly? DueOn { get; init; }
    public ResolutionStatus? Status { get; init; }
}

internal sealed class TrackResolutionValidator : AbstractValidator<TrackResolution>
{
    public TrackResolutionValidator()
    {
        RuleFor(c => c.Owner).MaximumLength(100);
        RuleFor(c => c.Status).IsInEnum();
    }
}

internal sealed class TrackResolutionHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<TrackResolution, Resolution>
{
    public async Task<Resolution> Handle(TrackResolution request, CancellationToken cancellationToken)
    {
        var version = await db.QuerySingleOrDefaultAsync<int?>(
            "SELECT version FROM congress.resolutions WHERE tenant_id = @Tenant AND id = @Id FOR UPDATE",
            new { Tenant = actor.TenantId, request.Id }, cancellationToken) ?? throw Resolution.NotFound(request.Id);
        Concurrency.EnsureVersion(version, request.ExpectedVersion);
        await db.ExecuteAsync(
            """
            UPDATE congress.resolutions
            SET owner = coalesce(@Owner, owner), due_on = coalesce(@DueOn, due_on), status = coalesce(@Status, status),
                version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id
            """,
            new { Tenant = actor.TenantId, request.Id, Owner = request.Owner?.Trim(), request.DueOn, Status = request.Status.ToDbText() },
            cancellationToken);
        var resolution = await Resolution.FindAsync(db, actor.TenantId, request.Id, cancellationToken);
        outbox.Publish(actor.TenantId, ResolutionEvents.Updated, resolution.Id,
            new { resolution.Id, resolution.Owner, resolution.DueOn, resolution.Status });
        return resolution;
    }
}

internal static class TrackResolutionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPatch("/resolutions/{id:guid}", async (Guid id, TrackResolution command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("TrackResolution")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress resolutions")
        .WithSummary("Set a resolution's owner, due date or status (needs If-Match)")
        .Produces<Resolution>()
        .ProducesProblems(404, 412, 422, 428);
}
