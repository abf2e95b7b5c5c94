using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Workforce.BuildingBlocks.Http;

/// <summary>The shape of every error body, as the OpenAPI document describes it.</summary>
public sealed record ApiProblem(
    string? Type,
    string Title,
    int Status,
    string? Detail,
    string? Instance,
    string Code,
    string RequestId,
    IReadOnlyDictionary<string, string[]>? Errors);

public static class OpenApiConventions
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Declares the problem documents an operation may answer with; 400 and 500 come with every one.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses.Concat([400, 500]).Distinct().Order())
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiProblem), [ProblemContentType]));
        }
        return builder;
    }
}
