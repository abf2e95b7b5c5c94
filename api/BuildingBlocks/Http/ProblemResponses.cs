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

    private static readonly Dictionary<int, string> CodesByStatus = new()
    {
        [400] = "bad_request",
        [401] = "unauthenticated",
        [403] = "forbidden",
        [404] = "not_found",
        [405] = "method_not_allowed",
        [406] = "not_acceptable",
        [409] = "conflict",
        [411] = "length_required",
        [412] = "precondition_failed",
        [413] = "payload_too_large",
        [415] = "unsupported_media_type",
        [422] = "validation_failed",
        [428] = "precondition_required",
        [429] = "too_many_requests",
        [500] = "internal_error",
        [503] = "unavailable",
    };

    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", CodesByStatus.GetValueOrDefault(problem.Status ?? 500, "error"));
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
            Title = problem.Title,
            Detail = problem.Detail,
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
        JsonException json => ProblemException.BadRequest("malformed_body",
            "The body is not valid JSON for this operation, has a field the operation does not take, or a field of the wrong type.",
            new Dictionary<string, string[]>
            {
                [FieldPath.FromJsonPath(json.Path)] = [IsUnknownField(json) ? "This operation takes no such field." : "This value is not valid JSON of the expected type."],
            }),
        _ when error.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            new ProblemException(413, "payload_too_large", "The request body is too large.", error.Message),
        _ when error.StatusCode == StatusCodes.Status415UnsupportedMediaType =>
            new ProblemException(415, "unsupported_media_type", "The body must be JSON.", "Send the body as application/json."),
        _ when ParameterName().Match(error.Message) is { Success: true } parameter =>
            InvalidParameter(JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value)),
        _ when error.Message.Contains("no body was provided", StringComparison.Ordinal) ||
               error.Message.Contains("request body", StringComparison.OrdinalIgnoreCase) =>
            ProblemException.BadRequest("malformed_body", "The request needs a JSON body."),
        _ => ProblemException.BadRequest("bad_request", error.Message),
    };

    // System.Text.Json says so only in its message (JsonUnmappedMemberHandling.Disallow); its path names the field.
    private static bool IsUnknownField(JsonException json) =>
        json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);

    private static ProblemException InvalidParameter(string name) => ProblemException.BadRequest("invalid_parameter",
        $"{name} is missing or not valid.", new Dictionary<string, string[]> { [name] = ["This value is missing or not valid."] });

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
            Npgsql.NpgsqlException { IsTransient: true } => new ProblemException(503, "database_unavailable", "The database is not available.",
                "The request may not have been carried out; try again shortly (with the same Idempotency-Key, if it had one)."),
            _ => null,
        };
        ProblemDetails details;
        if (problem is null)
        {
            httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemResponses)).LogError(exception,
                "Unhandled {ExceptionType} for {Method} {Path}", exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
            details = new ProblemDetails
            {
                Status = 500,
                Title = "Something went wrong on our side.",
                Detail = "The error was logged; quote the requestId when you report it.",
            };
            details.Extensions["code"] = "internal_error";
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
