using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Workforce.BuildingBlocks.Mediator;

/// <summary>Logs each request's name, outcome and duration; never its contents, which may hold protected data.</summary>
internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await next();
            logger.LogInformation("Handled {Request} in {ElapsedMs} ms", RequestName, clock.ElapsedMilliseconds);
            return response;
        }
        catch (Errors.ProblemException problem)
        {
            logger.LogInformation("Refused {Request} with {Status} {Code} in {ElapsedMs} ms", RequestName, problem.Status, problem.Code, clock.ElapsedMilliseconds);
            throw;
        }
    }
}
