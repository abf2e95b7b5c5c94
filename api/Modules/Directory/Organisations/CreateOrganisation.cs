namespace Workforce.Directory.Organisations;

internal sealed record CreateOrganisation : ICommand<Organisation>
{
    public Guid? ParentId { get; init; }
    public OrganisationKind? Kind { get; init; }
    public string? Name { get; init; }
    public string? Code { get; init; }

    /// <summary>IANA time zone of a region or enterprise; China's when not given.</summary>
    public string? TimeZone { get; init; }
}

internal sealed class CreateOrganisationValidator : AbstractValidator<CreateOrganisation>
{
    public CreateOrganisationValidator()
    {
        RuleFor(c => c.ParentId).NotEmpty();
        RuleFor(c => c.Kind).NotNull().NotEqual(OrganisationKind.Platform).WithMessage(new Words("There is only one platform.", "平台只有一个，不能再建。"));
        RuleFor(c => c.Name).Must(OrganisationRules.BeAName).WithMessage(OrganisationRules.NameMessage);
        RuleFor(c => c.Code).MaximumLength(32);
        RuleFor(c => c.TimeZone).Must(OrganisationRules.BeATimeZone!).When(c => c.TimeZone is not null).WithMessage(OrganisationRules.TimeZoneMessage);
        RuleFor(c => c.TimeZone).Null().When(c => c.Kind is OrganisationKind.Unit or OrganisationKind.Team)
            .WithMessage(OrganisationRules.TimeZoneOfEnterprise);
    }
}

internal sealed class CreateOrganisationHandler(DbSession db, CurrentActor actor) : IRequestHandler<CreateOrganisation, Organisation>
{
    public async Task<Organisation> Handle(CreateOrganisation request, CancellationToken cancellationToken)
    {
        var kind = request.Kind!.Value;
        var name = request.Name!.Trim();
        var parent = await Organisation.FindVisibleAsync(db, request.ParentId!.Value, actor.TenantId, forUpdate: true, cancellationToken)
            ?? throw ProblemException.UnknownReference("parentId", Organisation.NoneVisible(request.ParentId));
        if (parent.Status != OrganisationStatus.Active)
        {
            throw Organisation.Inactive.With(new($"'{parent.Name}' is deactivated; nothing can be added under it.", $"“{parent.Name}”已停用，不能在其下新增。"));
        }
        if (!Organisation.MayHaveParent(kind, parent.Kind))
        {
            throw ProblemException.Invalid("kind", Organisation.PlacementRule(kind));
        }

        var id = Guid.CreateVersion7();
        var tenantId = Organisation.IsTenantRoot(kind) ? id : parent.TenantId;
        if (!Organisation.IsTenantRoot(kind) && tenantId != actor.TenantId)
        {
            throw ProblemException.Invalid("parentId", new Words("Units and teams are created by the enterprise they belong to: act for that enterprise.",
                "部门和班组须由所属企业创建，请以该企业的身份操作。"));
        }
        if (await Organisation.SiblingHasNameAsync(db, parent.Id, name, except: null, cancellationToken))
        {
            throw Organisation.NameTaken();
        }

        return await db.QuerySingleAsync<Organisation>(
            $"""
            INSERT INTO directory.organisations AS o (tenant_id, id, parent_id, kind, name, code, time_zone, path)
            VALUES (@TenantId, @Id, @ParentId, @Kind, @Name, @Code, @TimeZone, @Path)
            RETURNING {Organisation.Columns}
            """,
            new
            {
                TenantId = tenantId,
                Id = id,
                ParentId = parent.Id,
                Kind = kind.ToDbText(),
                Name = name,
                Code = OrganisationRules.Clean(request.Code),
                TimeZone = Organisation.IsTenantRoot(kind) ? request.TimeZone ?? Organisation.DefaultTimeZone : null,
                Path = parent.Path.Append(id).ToArray(),
            },
            cancellationToken);
    }
}

internal static class CreateOrganisationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/organisations", async (CreateOrganisation command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var created = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/directory/organisations/{created.Id}", created, response);
        })
        .WithName("CreateOrganisation")
        .RequirePermission(DirectoryPermissions.OrganisationsWrite)
        .WithTags("Organisations")
        .WithSummary("Create a region, enterprise, unit or team under a parent")
        .Produces<Organisation>(StatusCodes.Status201Created)
        .ProducesProblems(409, 422);
}
