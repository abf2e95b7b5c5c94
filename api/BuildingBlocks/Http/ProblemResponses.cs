using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Http;

/// <summary>
/// Every error leaves as <c>application/problem+json</c> with a stable <c>code</c> and the request id, whatever the
/// caller's Accept header says: refusals from handlers, bodies that are not JSON or hold wrong types or unknown fields,
/// unknown routes, and the 500 that should never happen.
/// </summary>
public static partial class ProblemResponses
{
    // ASP.NET says which parameter failed only in its message: 'Failed to bind parameter "Guid UnitId" from "…"' or
    // 'Required parameter "Guid id" was not provided…'. The name is kept; the value the caller sent is not echoed.
    [GeneratedRegex(@"^(?:Failed to bind parameter|Required parameter) ""(?:[^""]* )?(?<name>\w+)""")]
    private static partial Regex ParameterName();

    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (!problem.Extensions.ContainsKey("code"))
            {
                // One the framework answered by itself (an unknown route, a wrong method): said like ours.
                var general = Problems.OfStatus(problem.Status ?? 500);
                problem.Extensions["code"] = general.Code;
                problem.Title = general.Title.Said;
                problem.Type = null;
            }
            problem.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            problem.Instance ??= context.HttpContext.Request.Path;
        });
        WriteWhateverTheCallerAccepts(services);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// The framework's writer writes a problem document only to a caller whose Accept header takes JSON. To any other (a
    /// browser's text/html, application/xml) it writes nothing, so a 404 or 405 would go out as plain text, and a refusal
    /// thrown as an exception would count as unhandled: logged as an error and answered with an empty 500. Its writing is
    /// kept; the Accept header no longer decides whether it writes.
    /// </summary>
    private static void WriteWhateverTheCallerAccepts(IServiceCollection services)
    {
        var standard = services.Single(d => d.ServiceType == typeof(IProblemDetailsWriter));
        services.Remove(standard);
        services.AddSingleton<IProblemDetailsWriter>(provider =>
            new AnyAcceptProblemWriter((IProblemDetailsWriter)ActivatorUtilities.CreateInstance(provider, standard.ImplementationType!)));
    }

    private sealed class AnyAcceptProblemWriter(IProblemDetailsWriter standard) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context) => standard.WriteAsync(context);
    }

    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    internal static ProblemDetails ToProblemDetails(ProblemException problem)
    {
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Title = problem.Title.Said,
            Detail = problem.Detail?.Said,
        };
        details.Extensions["code"] = problem.Code;
        if (problem.Errors is not null)
        {
            details.Extensions["errors"] = problem.Errors;
        }
        foreach (var (name, value) in problem.Extensions ?? new Dictionary<string, object>())
        {
            details.Extensions[name] = value;
        }
        return details;
    }

    /// <summary>What went wrong while reading the request, said without echoing what the caller sent.</summary>
    internal static ProblemException FromBadRequest(BadHttpRequestException error) => error.InnerException switch
    {
        PlainText.NotPlainTextException text => PlainText.InvalidField(FieldPath.FromJsonPath(text.Path)),
        JsonException json => Problems.MalformedBody.With(
            new("The body is not valid JSON for this operation, has a field the operation does not take, or a field of the wrong type.",
                "请求内容不是此操作所接受的 JSON：格式有误、含有此操作没有的字段，或字段类型不对。"),
            new Dictionary<string, string[]>
            {
                [FieldPath.FromJsonPath(json.Path)] = [IsUnknownField(json)
                    ? new Words("This operation takes no such field.", "此操作没有这个字段。").Said
                    : new Words("This value is not valid JSON of the expected type.", "此值不是所需类型的 JSON。").Said],
            }),
        _ when error.StatusCode == StatusCodes.Status413PayloadTooLarge => Problems.PayloadTooLarge.With(),
        _ when error.StatusCode == StatusCodes.Status415UnsupportedMediaType =>
            Problems.UnsupportedMediaType.With(new("Send the body as application/json.", "请以 application/json 发送请求内容。")),
        _ when ParameterName().Match(error.Message) is { Success: true } parameter =>
            InvalidParameter(JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value)),
        _ when error.Message.Contains("no body was provided", StringComparison.Ordinal) ||
               error.Message.Contains("request body", StringComparison.OrdinalIgnoreCase) =>
            Problems.MalformedBody.With(new("The request needs a JSON body.", "此请求须带 JSON 内容。")),
        _ => Problems.BadRequest.With(),
    };

    // System.Text.Json says so only in its message (JsonUnmappedMemberHandling.Disallow); its path names the field.
    private static bool IsUnknownField(JsonException json) =>
        json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);

    private static ProblemException InvalidParameter(string name) => Problems.InvalidParameter.With(
        new($"{name} is missing or not valid.", $"参数 {name} 缺失或不正确。"),
        new Dictionary<string, string[]> { [name] = [new Words("This value is missing or not valid.", "此值缺失或不正确。").Said] });

    /// <summary>Answers an exception with its problem document; what the exception handler does, for steps that must see the answer.</summary>
    internal static async Task<bool> WriteAsync(HttpContext httpContext, Exception exception)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer and nothing went wrong on our side.
            httpContext.Response.StatusCode = 499;
            return true;
        }
        var problem = exception switch
        {
            ProblemException known => known,
            BadHttpRequestException bad => FromBadRequest(bad),
            Npgsql.NpgsqlException { IsTransient: true } => Problems.DatabaseUnavailable.With(new(
                "The request may not have been carried out; try again shortly (with the same Idempotency-Key, if it had one).",
                "请求可能未能完成，请稍后重试（如带有幂等键，请使用同一个）。")),
            _ => null,
        };
        ProblemDetails details;
        if (problem is null)
        {
            httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemResponses)).LogError(exception,
                "Unhandled {ExceptionType} for {Method} {Path}", exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
            details = ToProblemDetails(Problems.InternalError.With(new(
                "The error was logged; quote the requestId when you report it.", "错误已记录；报告问题时请提供请求编号（requestId）。")));
        }
        else
        {
            details = ToProblemDetails(problem);
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        return await httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }

    private sealed class ProblemExceptionHandler : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
            new(WriteAsync(httpContext, exception));
    }
}
