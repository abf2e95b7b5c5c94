using System.Data;
using System.Text.Json;
using Dapper;
using System.Text.Json.Serialization;

namespace Workforce.Congress.Polls;

/// <summary>A closed vote's results: totals only, online and paper together, with the turnout and the rule applied.</summary>
internal sealed record PollResults
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required int RosterSize { get; init; }
    public required int BallotsCast { get; init; }
    public required int OnlineBallots { get; init; }
    public required int PaperBallots { get; init; }

    /// <summary>Ballots cast over the roster, 0 to 1.</summary>
    public required double Turnout { get; init; }

    /// <summary>The rule the outcome was decided by, in words: in the language of whoever reads the results.</summary>
    public required string Rule { get; init; }

    /// <summary>Elections: seats left unfilled because candidates tied for them.</summary>
    public int? UndecidedSeats { get; init; }

    public required IReadOnlyList<ItemResult> Items { get; init; }
}

/// <summary>One item's totals: a motion item's for/against/abstain, a candidate's votes, a manager's ratings.</summary>
internal sealed record ItemResult
{
    public required int Number { get; init; }
    public required string Title { get; init; }

    public int? For { get; init; }
    public int? Against { get; init; }
    public int? Abstain { get; init; }
    public bool? Passed { get; init; }

    public int? Votes { get; init; }
    public bool? Elected { get; init; }

    /// <summary>Tied with another candidate for the last seats: neither is elected, the tie is for the congress to settle.</summary>
    public bool? Tied { get; init; }

    /// <summary>Evaluations: how many rated this manager; below the minimum, no ratings are shown.</summary>
    public int? Respondents { get; init; }
    public bool? Suppressed { get; init; }
    public int? Excellent { get; init; }
    public int? Competent { get; init; }
    public int? BasicallyCompetent { get; init; }
    public int? Incompetent { get; init; }
}

/// <summary>Reads a poll's stored results (jsonb) into <see cref="PollResults"/>.</summary>
internal sealed class PollResultsHandler : SqlMapper.TypeHandler<PollResults>
{
    public override void SetValue(IDbDataParameter parameter, PollResults? value) =>
        parameter.Value = value is null ? DBNull.Value : JsonSerializer.Serialize(value, PollResults.Json);

    public override PollResults? Parse(object value) => JsonSerializer.Deserialize<PollResults>((string)value, PollResults.Json);
}
