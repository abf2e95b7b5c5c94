using Workforce.Directory.Organisations;

namespace Workforce.Directory.Representatives;

internal sealed record CreateTerm : ICommand<CongressTerm>
{
    /// <summary>届次: the term's number, unique within the enterprise.</summary>
    public int? Number { get; init; }

    /// <summary>Defaults to 第N届职工代表大会.</summary>
    public string? Name { get; init; }

    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
}

internal sealed class CreateTermValidator : AbstractValidator<CreateTerm>
{
    public CreateTermValidator()
    {
        RuleFor(c => c.Number).NotNull().InclusiveBetween(1, 99);
        RuleFor(c => c.Name).MaximumLength(100);
        RuleFor(c => c.StartsOn).NotNull();
        RuleFor(c => c.EndsOn).NotNull().GreaterThan(c => c.StartsOn).When(c => c.StartsOn is not null)
            .WithMessage(new Words("A term ends after it starts.", "结束日期须晚于开始日期。"));
    }
}

internal sealed class CreateTermHandler(DbSession db, CurrentActor actor) : IRequestHandler<CreateTerm, CongressTerm>
{
    public async Task<CongressTerm> Handle(CreateTerm request, CancellationToken cancellationToken)
    {
        await ActingEnterprise.RequireAsync(db, actor.TenantId, cancellationToken);
        return await db.QuerySingleAsync<CongressTerm>(
            $"""
            INSERT INTO directory.congress_terms AS t (tenant_id, id, number, name, starts_on, ends_on)
            VALUES (@Tenant, @Id, @Number, @Name, @StartsOn, @EndsOn)
            RETURNING {CongressTerm.Columns}
            """,
            new
            {
                Tenant = actor.TenantId,
                Id = Guid.CreateVersion7(),
                request.Number,
                Name = string.IsNullOrWhiteSpace(request.Name) ? CongressTerm.DefaultName(request.Number!.Value) : request.Name.Trim(),
                request.StartsOn,
                request.EndsOn,
            },
            cancellationToken);
    }
}

internal static class CreateTermEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/terms", async (CreateTerm command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var term = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/directory/terms/{term.Id}", term, response);
        })
        .WithName("CreateTerm")
        .RequirePermission(DirectoryPermissions.RepresentativesWrite)
        .WithTags("Representatives")
        .WithSummary("Open a congress term (届) of the enterprise")
        .Produces<CongressTerm>(StatusCodes.Status201Created)
        .ProducesProblems(409, 422);
}
