using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Workforce.Access.Grants;

namespace Workforce.Access.Users;

/// <summary>An administrator sets a new password for an account; its sessions end and any lockout is lifted.</summary>
internal sealed record ResetPassword : ICommand<User>
{
    [JsonIgnore] public Guid UserId { get; init; }

    public string? Password { get; init; }
}

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator()
    {
        RuleFor(c => c.Password).IsGoodPassword(_ => null);
    }
}

internal sealed class ResetPasswordHandler(DbSession db, CurrentActor actor, PermissionCatalog permissions, IPasswordHasher<UserAccount> hasher) : IRequestHandler<ResetPassword, User>
{
    public async Task<User> Handle(ResetPassword request, CancellationToken cancellationToken)
    {
        var user = await User.FindAsync(db, actor.TenantId, request.UserId, forUpdate: true, cancellationToken) ?? throw User.NotFound(request.UserId);
        Authority.RequireMayManage(permissions, actor, user);
        if (AccountRules.PasswordProblem(request.Password, user.LoginName) is { } problem)
        {
            throw ProblemException.Invalid("password", problem);
        }
        await db.ExecuteAsync(
            """
            UPDATE access.users
            SET password_hash = @Hash, security_stamp = gen_random_uuid(), failed_logins = 0, locked_until = NULL,
                version = version + 1, updated_at = @Now
            WHERE tenant_id = @TenantId AND id = @Id
            """,
            new { Hash = hasher.HashPassword(new UserAccount(), request.Password!), user.TenantId, user.Id }, cancellationToken);
        return (await User.FindAsync(db, user.TenantId, user.Id, forUpdate: false, cancellationToken))!;
    }
}

internal static class ResetPasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/users/{id:guid}/password", async (Guid id, ResetPassword command, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { UserId = id }, ct), response))
        .RequirePermission(AccessPermissions.UsersWrite)
        .HandsOutAccess()
        .WithName("ResetPassword")
        .WithTags("Users")
        .WithSummary("Set a new password for a user account; its sessions end and a lockout is lifted")
        .Produces<User>()
        .ProducesProblems(401, 403, 404, 422);
}
