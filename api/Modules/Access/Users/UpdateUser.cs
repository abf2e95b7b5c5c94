using System.Text.Json.Serialization;
using Workforce.Access.Authentication;
using Workforce.Access.Grants;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Users;

/// <summary>Rename, disable or re-enable an account, or link it to a worker. Disabling ends its sessions at once.</summary>
internal sealed record UpdateUser : ICommand<User>
{
    [JsonIgnore] public Guid UserId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public string? DisplayName { get; init; }
    public UserStatus? Status { get; init; }
    public Guid? WorkerId { get; init; }
}

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(AccountRules.DisplayNameMessage).MaximumLength(50);
        RuleFor(c => c.Status).NotNull();
    }
}

internal sealed class UpdateUserHandler(DbSession db, CurrentActor actor, PermissionCatalog permissions, IMediator mediator) : IRequestHandler<UpdateUser, User>
{
    public static readonly ProblemCode CannotDisableSelf = new(409, "cannot_disable_self", new("You cannot disable yourself.", "不能停用自己的账号。"));

    public async Task<User> Handle(UpdateUser request, CancellationToken cancellationToken)
    {
        var user = await User.FindAsync(db, actor.TenantId, request.UserId, forUpdate: true, cancellationToken) ?? throw User.NotFound(request.UserId);
        Authority.RequireMayManage(permissions, actor, user);
        Concurrency.EnsureVersion(user.Version, request.ExpectedVersion);
        if (user.Id == actor.Id && request.Status == UserStatus.Disabled)
        {
            throw CannotDisableSelf.With(new("You cannot disable your own account; another administrator can.", "不能停用自己的账号；如确需停用，请由其他管理员操作。"));
        }
        if (request.WorkerId != user.WorkerId)
        {
            await WorkerLink.RequireAsync(mediator, actor, user.TenantId, request.WorkerId, cancellationToken);
        }

        await db.ExecuteAsync(
            """
            UPDATE access.users
            SET display_name = @DisplayName, status = @Status, worker_id = @WorkerId,
                security_stamp = CASE WHEN @Status <> status THEN gen_random_uuid() ELSE security_stamp END,
                version = version + 1, updated_at = @Now
            WHERE tenant_id = @TenantId AND id = @Id
            """,
            new { DisplayName = request.DisplayName!.Trim(), Status = request.Status!.Value.ToDbText(), request.WorkerId, user.TenantId, user.Id },
            cancellationToken);
        if (request.Status == UserStatus.Disabled && user.Status != UserStatus.Disabled)
        {
            await SessionStore.EndAllAsync(db, user.TenantId, user.Id, cancellationToken);
        }
        return await User.ReadAsync(db, mediator, actor, user.TenantId, user.Id, cancellationToken);
    }
}

internal static class UpdateUserEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/users/{id:guid}", async (Guid id, UpdateUser command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var user = await mediator.Send(command with { UserId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct);
            return Concurrency.WithETag(user, request.HttpContext.Response);
        })
        .RequirePermission(AccessPermissions.UsersWrite)
        .HandsOutAccess()
        .WithName("UpdateUser")
        .WithTags("Users")
        .WithSummary("Rename, disable or re-enable a user account, or link it to a worker (needs If-Match)")
        .Produces<User>()
        .ProducesProblems(401, 403, 404, 409, 412, 422, 428);
}
