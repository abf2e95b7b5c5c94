using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Authentication;

/// <summary>
/// An account whose password an administrator reset signs in with a password someone else has seen: until its user
/// chooses their own, only the operations marked here answer it (who am I, change my password, sign out).
/// </summary>
internal static class OwnPasswordFirst
{
    public static readonly ProblemCode PasswordChangeRequired = new(403, "password_change_required",
        new("Choose your own password first.", "请先设置您自己的密码。"));

    private sealed record Allowed;

    /// <summary>The operation answers an account that must still choose its own password.</summary>
    public static TBuilder AllowedBeforeOwnPassword<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Allowed());

    public static void Require(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.GetEndpoint()?.Metadata.GetMetadata<Allowed>() is null)
        {
            throw PasswordChangeRequired.With(new(
                "An administrator reset your password: change it (POST /api/v1/access/me/password) before doing anything else.",
                "管理员重置了您的密码：请先修改密码（POST /api/v1/access/me/password），再进行其他操作。"));
        }
    }
}
