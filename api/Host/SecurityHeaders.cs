using NetEscapades.AspNetCore.SecurityHeaders;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace Workforce.Host;

/// <summary>
/// What every response tells the browser about how it may be used, by what it is. All of them: no sniffing of content
/// types, never framed (by CSP and, for older browsers, X-Frame-Options), readable by this origin only. The admin app
/// (its pages, files and Swagger UI) may run its own scripts and load its own styles, images and fonts, call its own API,
/// and nothing from elsewhere; styles may also be inline, because Ant Design writes its CSS into the page as it renders
/// (scripts never). The API (JSON, problem documents, downloads) may run and load nothing, unless a response brings a
/// policy of its own (the printable results page), and sends no referrer.
/// <para>
/// A response that says nothing of caching is not stored (<c>no-store</c>): every API answer may hold personal data
/// (a worker's resident ID and phone, who attended), and a browser or proxy must not keep it on disk. Responses that
/// decide for themselves keep their choice: the app's files, and downloads revalidated by their ETag.
/// </para>
/// </summary>
internal static class SecurityHeaders
{
    private const string Api = "api";
    private const string ApiWithItsOwnPolicy = "api-with-its-own-policy";
    private const string ContentSecurityPolicy = "Content-Security-Policy";

    public static IServiceCollection AddWorkforceSecurityHeaders(this IServiceCollection services)
    {
        var api = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyNoReferrer()
            .AddCrossOriginResourcePolicy(policy => policy.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().None();
                csp.AddFrameAncestors().None();
            });
        var apiWithItsOwnPolicy = api.Copy();
        apiWithItsOwnPolicy.Remove(ContentSecurityPolicy);

        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(app => app
                .AddContentTypeOptionsNoSniff()
                .AddFrameOptionsDeny()
                .AddReferrerPolicySameOrigin()
                .AddCrossOriginResourcePolicy(policy => policy.SameOrigin())
                .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().Self();
                    csp.AddScriptSrc().Self();
                    csp.AddStyleSrc().Self().UnsafeInline();
                    csp.AddImgSrc().Self().Data().Blob();
                    csp.AddFontSrc().Self().Data();
                    csp.AddConnectSrc().Self();
                    csp.AddObjectSrc().None();
                    csp.AddBaseUri().Self();
                    csp.AddFormAction().Self();
                    csp.AddFrameAncestors().None();
                }))
            .AddPolicy(Api, api)
            .AddPolicy(ApiWithItsOwnPolicy, apiWithItsOwnPolicy)
            .SetPolicySelector(context =>
                !AdminUi.IsApiPath(context.HttpContext.Request.Path) ? context.DefaultPolicy
                : context.HttpContext.Response.Headers.ContainsKey(ContentSecurityPolicy) ? context.ConfiguredPolicies[ApiWithItsOwnPolicy]
                : context.ConfiguredPolicies[Api]);
        return services;
    }

    public static WebApplication UseWorkforceSecurityHeaders(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey("Cache-Control"))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
