using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Authentication;

/// <summary>
/// A browser sends the session cookie with any request, even one another site made it send, so every unsafe request
/// made with the cookie must also carry the antiforgery token (X-XSRF-TOKEN) that only our own pages can read.
/// API keys are never sent by a browser on its own, so their callers are not asked for it; nor is signing in, which
/// needs no session (and SameSite=Strict keeps other sites from sending one).
/// </summary>
internal static class SessionAntiforgery
{
    public static readonly ProblemCode Failed = new(403, "antiforgery_failed",
        new("The request did not come from the Workforce app.", "请求未通过防伪校验，可能并非来自本系统的页面。"));

    public static IApplicationBuilder UseSessionAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        var open = context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        if (!safe && !open && context.User.Identity is { IsAuthenticated: true, AuthenticationType: AccessSchemes.Session }
                  && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            throw Failed.With(new(
                $"Send the antiforgery token from sign-in or GET /api/v1/access/me in the {AccessSchemes.AntiforgeryHeader} header.",
                $"请刷新页面后重试。调用方须在 {AccessSchemes.AntiforgeryHeader} 请求头中带上登录或 GET /api/v1/access/me 时返回的防伪令牌。"));
        }
        await next();
    });
}
