using Microsoft.AspNetCore.Identity;
using Workforce.Access.Authentication;
using Workforce.Access.Grants;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Users;

/// <summary>
/// An administrator gives an account a new password, made here and shown once: its sessions end, any lockout is
/// lifted, and until the user has chosen their own password the account can do nothing else.
/// </summary>
internal sealed record ResetPassword(Guid UserId) : ICommand<IssuedPassword>;

/// <summary>The account with its new password: the one time the password is shown. Only its hash is kept.</summary>
internal sealed record IssuedPassword(User User, string Password) : IVersioned
{
    public int Version => User.Version;
}

internal sealed class ResetPasswordHandler(DbSession db, CurrentActor actor, PermissionCatalog permissions, IMediator mediator, IPasswordHasher<UserAccount> hasher)
    : IRequestHandler<ResetPassword, IssuedPassword>
{
    public static readonly ProblemCode CannotResetOwn = new(409, "cannot_reset_own_password",
        new("You cannot reset your own password.", "不能重置自己的密码。"));

    public async Task<IssuedPassword> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var user = await User.FindAsync(db, actor.TenantId, request.UserId, forUpdate: true, cancellationToken) ?? throw User.NotFound(request.UserId);
        Authority.RequireMayManage(permissions, actor, user);
        if (user.Id == actor.Id)
        {
            throw CannotResetOwn.With(new("Change your own password with your current one instead; a reset would sign you out.",
                "请用当前密码修改自己的密码；重置会让您退出登录。"));
        }
        var password = AccountRules.NewPassword(user.LoginName);
        await db.ExecuteAsync(
            """
            UPDATE access.users
            SET password_hash = @Hash, security_stamp = gen_random_uuid(), failed_logins = 0, locked_until = NULL,
                must_change_password = true, version = version + 1, updated_at = @Now
            WHERE tenant_id = @TenantId AND id = @Id
            """,
            new { Hash = hasher.HashPassword(new UserAccount(), password), user.TenantId, user.Id }, cancellationToken);
        await SessionStore.EndAllAsync(db, user.TenantId, user.Id, cancellationToken);
        return new IssuedPassword(await User.ReadAsync(db, mediator, actor, user.TenantId, user.Id, cancellationToken), password);
    }
}

internal static class ResetPasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/users/{id:guid}/password", async (Guid id, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new ResetPassword(id), ct), response))
        .RequirePermission(AccessPermissions.UsersWrite)
        .HandsOutAccess()
        .WithName("ResetPassword")
        .WithTags("Users")
        .WithSummary("Give a user account a new password, shown this once; its sessions end, a lockout is lifted, and the user must choose their own at next sign-in")
        .Produces<IssuedPassword>()
        .ProducesProblems(401, 403, 404, 409);
}
