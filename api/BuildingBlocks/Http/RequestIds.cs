using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;

namespace Workforce.BuildingBlocks.Http;

/// <summary>
/// Every response carries <c>X-Request-Id</c>, the id the logs and problem documents use. A caller may send its own
/// (an HR system correlating its calls), if it is a short plain token.
/// </summary>
public static partial class RequestIds
{
    public const string Header = "X-Request-Id";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex Acceptable();

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var offered = context.Request.Headers[Header].ToString();
        if (Acceptable().IsMatch(offered))
        {
            context.TraceIdentifier = offered;
        }
        // Set as the response starts: the exception handler clears the headers before it writes a problem document.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        await next();
    });
}
