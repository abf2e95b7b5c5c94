using Microsoft.AspNetCore.Identity;
using Workforce.Access.Grants;
using Workforce.BuildingBlocks.Text;
using Workforce.Directory.Contracts;

namespace Workforce.Access.Users;

/// <summary>Create an account with its first role, at the organisation the actor acts for or below it.</summary>
internal sealed record CreateUser : ICommand<User>
{
    public string? LoginName { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>The first password; the user should change it after signing in.</summary>
    public string? Password { get; init; }

    public Role? Role { get; init; }

    /// <summary>Where the role is held; the account belongs to this organisation's tenant.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>The Directory worker the account belongs to, for representatives and workers.</summary>
    public Guid? WorkerId { get; init; }
}

internal sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.LoginName).Must(AccountRules.IsLoginName).WithMessage(AccountRules.LoginNameMessage);
        RuleFor(c => c.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(AccountRules.DisplayNameMessage).MaximumLength(50);
        RuleFor(c => c.Password).IsGoodPassword(c => c.LoginName);
        RuleFor(c => c.Role).NotNull();
        RuleFor(c => c.OrganisationId).NotEmpty();
    }
}

internal sealed class CreateUserHandler(DbSession db, CurrentActor actor, PermissionCatalog permissions, IMediator mediator, IPasswordHasher<UserAccount> hasher)
    : IRequestHandler<CreateUser, User>
{
    public async Task<User> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        var place = await OrganisationScope.FindWithinAsync(mediator, actor, request.OrganisationId!.Value, "organisationId", cancellationToken);
        OrganisationScope.RequireGrantable(request.Role!.Value, place);
        await Authority.RequireMayCreateAsync(permissions, db, mediator, actor, request.Role.Value, place, cancellationToken);
        await WorkerLink.RequireAsync(mediator, actor, place.TenantId, request.WorkerId, cancellationToken);

        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO access.users (tenant_id, id, login_name, display_name, password_hash, security_stamp, worker_id)
            VALUES (@TenantId, @Id, @LoginName, @DisplayName, @PasswordHash, @SecurityStamp, @WorkerId);
            INSERT INTO access.grants (tenant_id, id, user_id, role, organisation_id)
            VALUES (@TenantId, @GrantId, @Id, @Role, @OrganisationId);
            """,
            new
            {
                place.TenantId,
                Id = id,
                LoginName = AccountRules.Normalize(request.LoginName!),
                DisplayName = request.DisplayName!.Trim(),
                PasswordHash = hasher.HashPassword(new UserAccount(), request.Password!),
                SecurityStamp = Guid.NewGuid(),
                request.WorkerId,
                GrantId = Guid.CreateVersion7(),
                Role = request.Role.Value.ToDbText(),
                OrganisationId = place.Id,
            },
            cancellationToken);
        return await User.ReadAsync(db, mediator, actor, place.TenantId, id, cancellationToken);
    }
}

/// <summary>An account may belong to a worker of its own enterprise, linked while acting for that enterprise.</summary>
internal static class WorkerLink
{
    /// <summary>Directory's permission to read its workers, which Directory declares.</summary>
    public const string ReadWorkers = "directory.workers.read";

    public static async Task RequireAsync(IMediator mediator, CurrentActor actor, Guid accountTenant, Guid? workerId, CancellationToken ct)
    {
        if (workerId is not { } id)
        {
            return;
        }
        if (accountTenant != actor.TenantId || !actor.Has(ReadWorkers))
        {
            throw ProblemException.Invalid("workerId", new Words(
                "Link a worker while acting for the worker's enterprise, with the right to read its workers.",
                "须以该职工所在企业的身份、并有查看职工的权限，才能关联职工。"));
        }
        if ((await mediator.Send(new FindWorkers([id]), ct)).Count == 0)
        {
            throw ProblemException.UnknownReference("workerId", new Words($"There is no worker {id} in this enterprise.", $"本企业没有编号为 {id} 的职工。"));
        }
    }
}

internal static class CreateUserEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/users", async (CreateUser command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var user = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/access/users/{user.Id}", user, response);
        })
        .RequirePermission(AccessPermissions.UsersWrite)
        .HandsOutAccess()
        .WithName("CreateUser")
        .WithTags("Users")
        .WithSummary("Create a user account with its first role")
        .Produces<User>(StatusCodes.Status201Created)
        .ProducesProblems(401, 403, 409, 422);
}
