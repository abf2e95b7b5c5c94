using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Workforce.BuildingBlocks.Errors;

/// <summary>What the violation of one named database constraint means to the caller.</summary>
public sealed record ConstraintProblem(string Constraint, Func<ProblemException> Problem);

/// <summary>
/// Modules name their unique and check constraints here, so the database stays the one judge of uniqueness (no
/// check-then-insert race) and the caller still gets a clear problem instead of a 500.
/// </summary>
public sealed class ConstraintProblems(IEnumerable<ConstraintProblem> known)
{
    private readonly Dictionary<string, Func<ProblemException>> _problems = known.ToDictionary(p => p.Constraint, p => p.Problem, StringComparer.Ordinal);

    public ProblemException? Find(PostgresException violation) =>
        violation.ConstraintName is { } name && _problems.TryGetValue(name, out var problem) ? problem() : null;
}

public static class ConstraintProblemRegistration
{
    public static IServiceCollection AddConstraintProblem(this IServiceCollection services, string constraint, Func<ProblemException> problem) =>
        services.AddSingleton(new ConstraintProblem(constraint, problem));
}
