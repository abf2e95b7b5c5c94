using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workforce.BuildingBlocks.Http;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the id every log line of the request and its problem document carry.
/// An id the caller sends (an HR system correlating its calls) does not replace ours, which the logs already use; when
/// it is a short plain token, it is logged beside ours as <c>ClientRequestId</c>.
/// </summary>
public static partial class RequestIds
{
    public const string Header = "X-Request-Id";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex PlainToken();

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Set as the response starts: the exception handler clears the headers before it writes a problem document.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        var offered = context.Request.Headers[Header].ToString();
        if (!PlainToken().IsMatch(offered))
        {
            await next();
            return;
        }
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestIds));
        using (logger.BeginScope(new Dictionary<string, object> { ["ClientRequestId"] = offered }))
        {
            await next();
        }
    });
}
