using System.Text.Json.Serialization;

namespace Workforce.Directory.Organisations;

/// <summary>Rename an organisation, or change its code or time zone.</summary>
internal sealed record UpdateOrganisation : ICommand<Organisation>
{
    [JsonIgnore] public Guid OrganisationId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public string? Name { get; init; }
    public string? Code { get; init; }

    /// <summary>IANA time zone of a region or enterprise; China's when not given. Units and teams have none.</summary>
    public string? TimeZone { get; init; }
}

internal sealed class UpdateOrganisationValidator : AbstractValidator<UpdateOrganisation>
{
    public UpdateOrganisationValidator()
    {
        RuleFor(c => c.Name).Must(OrganisationRules.BeAName).WithMessage(OrganisationRules.NameMessage);
        RuleFor(c => c.Code).MaximumLength(32);
        RuleFor(c => c.TimeZone).Must(OrganisationRules.BeATimeZone!).When(c => c.TimeZone is not null).WithMessage(OrganisationRules.TimeZoneMessage);
    }
}

internal sealed class UpdateOrganisationHandler(DbSession db, CurrentActor actor, TimeProvider clock, IMediator mediator) : IRequestHandler<UpdateOrganisation, Organisation>
{
    public async Task<Organisation> Handle(UpdateOrganisation request, CancellationToken cancellationToken)
    {
        var current = await Organisation.FindVisibleAsync(db, request.OrganisationId, actor.TenantId, forUpdate: true, cancellationToken)
            ?? throw Organisation.NotFound(request.OrganisationId);
        Concurrency.EnsureVersion(current.Version, request.ExpectedVersion);
        var isTenantRoot = Organisation.IsTenantRoot(current.Kind);
        if (!isTenantRoot && request.TimeZone is not null)
        {
            throw ProblemException.Invalid("timeZone", OrganisationRules.TimeZoneOfEnterprise);
        }
        var name = request.Name!.Trim();
        if (current.ParentId is { } parentId && name != current.Name &&
            await Organisation.SiblingHasNameAsync(db, parentId, name, current.Id, cancellationToken))
        {
            throw Organisation.NameTaken();
        }

        var updated = await db.QuerySingleAsync<Organisation>(
            $"""
            UPDATE directory.organisations AS o
            SET name = @Name, code = @Code, time_zone = @TimeZone, version = version + 1, updated_at = @Now
            WHERE o.tenant_id = @TenantId AND o.id = @Id
            RETURNING {Organisation.Columns}
            """,
            new
            {
                current.TenantId,
                current.Id,
                Name = name,
                Code = OrganisationRules.Clean(request.Code),
                TimeZone = isTenantRoot ? request.TimeZone ?? Organisation.DefaultTimeZone : null,
                Now = clock.GetUtcNow(),
            },
            cancellationToken);
        if (isTenantRoot)
        {
            await mediator.Publish(new EnterpriseCalendarChanged(current.TenantId), cancellationToken);
        }
        return updated;
    }
}

internal static class UpdateOrganisationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/organisations/{id:guid}", async (Guid id, UpdateOrganisation command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var updated = await mediator.Send(command with { OrganisationId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct);
            return Concurrency.WithETag(updated, request.HttpContext.Response);
        })
        .WithName("UpdateOrganisation")
        .RequirePermission(DirectoryPermissions.OrganisationsWrite)
        .WithTags("Organisations")
        .WithSummary("Rename an organisation or change its code or time zone (needs If-Match)")
        .Produces<Organisation>()
        .ProducesProblems(404, 409, 412, 422, 428);
}
