using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Workforce.BuildingBlocks.Mediator;

/// <summary>
/// Logs each request's name, outcome and duration; never its contents, which may hold protected data. What modules ask
/// each other through their Contracts (the caller's organisation on every signed-in request, a worker's name) is part
/// of the request that asked, whose own line counts it: those are logged at Debug, unless refused.
/// </summary>
internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;
    private static readonly LogLevel HandledLevel =
        typeof(TRequest).Assembly.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal) ? LogLevel.Debug : LogLevel.Information;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await next();
            logger.Log(HandledLevel, "Handled {Request} in {ElapsedMs} ms", RequestName, clock.ElapsedMilliseconds);
            return response;
        }
        catch (Errors.ProblemException problem)
        {
            logger.LogInformation("Refused {Request} with {Status} {Code} in {ElapsedMs} ms", RequestName, problem.Status, problem.Code, clock.ElapsedMilliseconds);
            throw;
        }
    }
}
