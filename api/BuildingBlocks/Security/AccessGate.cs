using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Security;

/// <summary>The permissions an endpoint requires of the actor at the organisation it acts for: any one of them.</summary>
public sealed record RequiredPermission(IReadOnlyList<string> AnyOf)
{
    public override string ToString() => string.Join(" or ", AnyOf);
}

/// <summary>Marks an operation that creates, grants, resets or re-enables an account or key: what the privilege matrix tests probe.</summary>
public sealed record HandsOutAccess;

/// <summary>
/// Every API endpoint is closed unless it says otherwise: anonymous callers get 401, an actor without the endpoint's
/// permission 403. The gate runs before the request body is read, so nobody learns more than that.
/// </summary>
public static class AccessGate
{
    /// <param name="anyOf">What the endpoint needs; with several, any one does and the handler decides what each lets the actor see.</param>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params string[] anyOf) where TBuilder : IEndpointConventionBuilder =>
        anyOf.Length > 0 ? builder.WithMetadata(new RequiredPermission(anyOf)) : throw new ArgumentException("Name at least one permission.", nameof(anyOf));

    public static TBuilder HandsOutAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HandsOutAccess());

    public static IApplicationBuilder UseAccessGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null && context.Request.Path.StartsWithSegments("/api") && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            var actor = context.RequestServices.GetRequiredService<CurrentActor>();
            if (!actor.IsAuthenticated)
            {
                throw Refused(context, Problems.Unauthenticated.With(new(
                    "Sign in, or send an API key as Authorization: Bearer <key>.", "请登录，或以 Authorization: Bearer <密钥> 发送 API 密钥。")));
            }
            if (endpoint.Metadata.GetMetadata<RequiredPermission>() is { } required)
            {
                _ = actor.TenantId;
                if (!required.AnyOf.Any(actor.Has))
                {
                    throw Refused(context, Problems.Forbidden.With(new(
                        $"This needs the {required} permission at the organisation you act for.", $"此操作需要您在所代表的组织拥有 {required} 权限。")));
                }
            }
        }
        await next();
    });

    /// <summary>Refusals are security events: logged, with the request's id, before they are answered.</summary>
    private static ProblemException Refused(HttpContext context, ProblemException refusal)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessGate))
            .LogInformation("Refused {Method} {Path} with {Status} {Code}", context.Request.Method, context.Request.Path, refusal.Status, refusal.Code);
        return refusal;
    }
}
