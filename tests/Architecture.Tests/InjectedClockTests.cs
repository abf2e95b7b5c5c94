using System.Text.RegularExpressions;

namespace Workforce.Architecture.Tests;

/// <summary>
/// Time in the code's SQL is the injected clock's (<c>@Now</c>, a parameter), never the database's, so that tests can
/// move it in every module. The exceptions are where the database must decide across instances, each with its reason.
/// </summary>
public partial class InjectedClockTests
{
    private static readonly Dictionary<string, string> Exceptions = new()
    {
        ["api/Modules/Integration/Delivery/DeliverWebhooks.cs"] =
            "deliveries are due and leased by the database's clock, which every instance claiming them shares",
        ["api/Modules/Integration/Webhooks/RedeliverWebhookDelivery.cs"] =
            "it reads and resets the same lease and due time as the deliverers, by the same clock",
        ["api/BuildingBlocks/Http/Idempotency.cs"] =
            "an in-flight key is a claim across instances that expires by the database's clock",
        ["api/BuildingBlocks/Migrations/MigrationRunner.cs"] =
            "the migration history stamps when the database applied a file, before any clock is injected",
    };

    [GeneratedRegex(@"\b(?:now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday)\s*\(\s*\)|\b(?:current_timestamp|current_date|current_time|localtimestamp)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseClock();

    internal static IReadOnlyList<string> Violations(IEnumerable<(string File, string Text)> sources) => sources
        .Where(source => !Exceptions.ContainsKey(source.File))
        .SelectMany(source =>
        {
            var code = SqlSchemaTests.WithoutComments(source.Text);
            return DatabaseClock().Matches(code).Select(match =>
                $"{source.File}:{code.AsSpan(0, match.Index).Count('\n') + 1} asks the database for the time ({match.Value}); pass @Now from the injected clock.");
        })
        .ToList();

    private static ModuleProject BuildingBlocks { get; } =
        new(Path.Combine(Repository.Root, "api", "BuildingBlocks", "Workforce.BuildingBlocks.csproj"));

    [Fact]
    public void Code_takes_time_from_the_injected_clock() =>
        Rules.AssertNone(Violations(Repository.Modules.Append(BuildingBlocks).SelectMany(project => project.Sources)));

    [Fact]
    public void Every_exception_still_exists() =>
        Rules.AssertNone(Exceptions.Keys.Where(file => !File.Exists(Path.Combine(Repository.Root, file))).Select(file => $"{file} is named as an exception but is gone."));

    [Fact]
    public void Clock_rule_reports_sql_that_asks_the_database_for_the_time() => Rules.AssertExactly(
        ["tests/Architecture.Tests.Violations/CloseSession.cs:15 asks the database for the time (now()); pass @Now from the injected clock.",
         "tests/Architecture.Tests.Violations/CloseSession.cs:16 asks the database for the time (CURRENT_DATE); pass @Now from the injected clock.",
         "tests/Architecture.Tests.Violations/CloseSession.cs:16 asks the database for the time (clock_timestamp()); pass @Now from the injected clock."],
        Violations(Repository.Violations.Sources));
}
