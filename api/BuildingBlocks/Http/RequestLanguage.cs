using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Http;

/// <summary>
/// The language of the request, from its Accept-Language: Chinese when the caller prefers zh (zh-CN, zh-Hans, zh) to
/// English, English otherwise and when it does not say. Only the UI culture is set, so that problems and validation
/// messages are said in it while numbers, dates and sorting stay the same for everyone. First in the pipeline, so that
/// whatever answers (the exception handler too) speaks it.
/// </summary>
public static class RequestLanguage
{
    public static IApplicationBuilder UseRequestLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var culture = Of(context.Request);
        CultureInfo.CurrentUICulture = culture;
        context.Response.Headers.ContentLanguage = culture.Name;
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        await next(context);
    });

    public static CultureInfo Of(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(tag => tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return Words.CultureOf(preferred);
    }
}
