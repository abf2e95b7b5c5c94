using Microsoft.AspNetCore.Identity;
using Workforce.Access.Users;

namespace Workforce.Access.Sessions;

/// <summary>A signed-in user changes their own password; every other session of theirs ends.</summary>
internal sealed record ChangeOwnPassword : ICommand<SignedInUser>
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }
}

internal sealed class ChangeOwnPasswordValidator : AbstractValidator<ChangeOwnPassword>
{
    public ChangeOwnPasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128);
        RuleFor(c => c.NewPassword).Custom((password, context) =>
        {
            if (AccountRules.PasswordProblem(password, null) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
    }
}

internal sealed class ChangeOwnPasswordHandler(DbSession db, CurrentActor actor, IPasswordHasher<UserAccount> hasher)
    : IRequestHandler<ChangeOwnPassword, SignedInUser>
{
    private sealed record Account(Guid TenantId, string LoginName, string DisplayName, string PasswordHash);

    public async Task<SignedInUser> Handle(ChangeOwnPassword request, CancellationToken cancellationToken)
    {
        if (actor.Kind != ActorKind.User)
        {
            throw new ProblemException(403, "forbidden", "Only people have passwords.", "API clients authenticate with their key.");
        }
        var account = await db.QuerySingleAsync<Account>(
            "SELECT tenant_id, login_name, display_name, password_hash FROM access.users WHERE tenant_id = @Tenant AND id = @Id FOR UPDATE",
            new { Tenant = actor.HomeTenantId, actor.Id }, cancellationToken);
        if (hasher.VerifyHashedPassword(new UserAccount(), account.PasswordHash, request.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            throw ProblemException.Invalid("currentPassword", "This is not your current password.");
        }
        if (AccountRules.PasswordProblem(request.NewPassword, account.LoginName) is { } problem)
        {
            throw ProblemException.Invalid("newPassword", problem);
        }
        var stamp = Guid.NewGuid();
        await db.ExecuteAsync(
            "UPDATE access.users SET password_hash = @Hash, security_stamp = @Stamp, version = version + 1, updated_at = now() WHERE tenant_id = @TenantId AND id = @Id",
            new { Hash = hasher.HashPassword(new UserAccount(), request.NewPassword!), Stamp = stamp, account.TenantId, actor.Id }, cancellationToken);
        return new SignedInUser(account.TenantId, actor.Id!.Value, account.LoginName, account.DisplayName, stamp);
    }
}

internal static class ChangeOwnPasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/me/password", async (ChangeOwnPassword command, IMediator mediator, HttpContext context, CancellationToken ct) =>
        {
            await SessionCookie.SignInAsync(context, await mediator.Send(command, ct));
            return TypedResults.NoContent();
        })
        .WithName("ChangeOwnPassword")
        .WithTags("Sessions")
        .WithSummary("Change your own password; your other sessions end")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblems(401, 403, 422);
}
