using Workforce.Access.Authentication;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Clients;

/// <summary>Create an integration's credentials at the organisation the administrator acts for, with some of their own permissions.</summary>
internal sealed record CreateApiClient : ICommand<IssuedApiClient>
{
    public string? Name { get; init; }

    /// <summary>Permissions such as directory.workers.write; each must be one the administrator holds here.</summary>
    public string[]? Scopes { get; init; }
}

internal sealed class CreateApiClientValidator : AbstractValidator<CreateApiClient>
{
    public CreateApiClientValidator(PermissionCatalog permissions)
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(new Words("Name the integration.", "请填写对接系统的名称。")).MaximumLength(100);
        RuleFor(c => c.Scopes).NotEmpty();
        RuleForEach(c => c.Scopes).Must(permissions.All.Contains).WithMessage(new Words("'{PropertyValue}' is not a permission.", "“{PropertyValue}”不是一项权限。"));
    }
}

internal sealed class CreateApiClientHandler(DbSession db, CurrentActor actor) : IRequestHandler<CreateApiClient, IssuedApiClient>
{
    public async Task<IssuedApiClient> Handle(CreateApiClient request, CancellationToken cancellationToken)
    {
        if (actor.Kind != ActorKind.User)
        {
            throw Problems.Forbidden.With(new("API clients are created by people, not by other clients.", "API 客户端须由人员账号创建，不能由其他客户端创建。"));
        }
        var beyond = request.Scopes!.Where(scope => !actor.Has(scope)).ToList();
        if (beyond.Count > 0)
        {
            var rights = string.Join(", ", beyond);
            throw ProblemException.Invalid("scopes", new Words($"You cannot give what you do not hold here: {rights}.", $"不能授予您在此处自己没有的权限：{rights}。"));
        }

        var issued = ApiKey.Issue();
        var client = await ApiClient.WriteAsync(db,
            """
            INSERT INTO access.api_clients (tenant_id, id, organisation_id, name, scopes, key_prefix, key_hash, created_by)
            VALUES (@Tenant, @Id, @OrganisationId, @Name, @Scopes, @KeyPrefix, @KeyHash, @CreatedBy)
            RETURNING *
            """,
            new
            {
                Tenant = actor.TenantId,
                Id = Guid.CreateVersion7(),
                actor.OrganisationId,
                Name = request.Name!.Trim(),
                Scopes = request.Scopes!.Distinct().Order().ToArray(),
                KeyPrefix = issued.LookupPrefix,
                KeyHash = issued.Hash,
                CreatedBy = actor.Id,
            },
            cancellationToken);
        return new IssuedApiClient(client, issued.Key);
    }
}

internal static class CreateApiClientEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/clients", async (CreateApiClient command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var issued = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/access/clients/{issued.Client.Id}", issued, response);
        })
        .RequirePermission(AccessPermissions.ClientsManage)
        .HandsOutAccess()
        .WithName("CreateApiClient")
        .WithTags("API clients")
        .WithSummary("Create an API client; its key is in this response and nowhere else")
        .Produces<IssuedApiClient>(StatusCodes.Status201Created)
        .ProducesProblems(401, 403, 409, 422);
}
