using Workforce.Congress.Polls;

namespace Workforce.Congress.Ballots;

/// <summary>What can be chosen on an item: 赞成/反对/弃权 on a motion, a candidate selected, a rating 优秀/称职/基本称职/不称职.</summary>
internal enum Choice { For, Against, Abstain, Selected, Excellent, Competent, BasicallyCompetent, Incompetent }

/// <summary>How choices are kept in the ballot box: a small number per item (0 where a candidate was not selected).</summary>
internal static class Choices
{
    public static short? Code(PollKind kind, Choice choice) => (kind, choice) switch
    {
        (PollKind.Motion, Choice.For) => 1,
        (PollKind.Motion, Choice.Against) => 2,
        (PollKind.Motion, Choice.Abstain) => 3,
        (PollKind.Election, Choice.Selected) => 1,
        (PollKind.Evaluation, Choice.Excellent) => 1,
        (PollKind.Evaluation, Choice.Competent) => 2,
        (PollKind.Evaluation, Choice.BasicallyCompetent) => 3,
        (PollKind.Evaluation, Choice.Incompetent) => 4,
        _ => null,
    };

    public static string Allowed(PollKind kind) => kind switch
    {
        PollKind.Motion => "for, against or abstain",
        PollKind.Election => "selected",
        _ => "excellent, competent, basicallyCompetent or incompetent",
    };

    /// <summary>
    /// The choices of one ballot or one paper count as the box keeps them, item by item; problems are reported per
    /// field without repeating the values chosen, so no message carries a choice.
    /// </summary>
    public static short[] Encode(PollKind kind, int items, int? seats, IReadOnlyList<ItemChoice> choices, string field)
    {
        var codes = new short[items];
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < choices.Count; i++)
        {
            var (item, choice) = (choices[i].Item, choices[i].Choice);
            if (item is null || item < 1 || item > items)
            {
                errors[$"{field}[{i}].item"] = [$"Name an item from 1 to {items}."];
            }
            else if (choice is null || Code(kind, choice.Value) is not { } code)
            {
                errors[$"{field}[{i}].choice"] = [$"Choose {Allowed(kind)}."];
            }
            else if (codes[item.Value - 1] != 0)
            {
                errors[$"{field}[{i}].item"] = ["Each item is chosen on once."];
            }
            else
            {
                codes[item.Value - 1] = code;
            }
        }
        if (errors.Count == 0 && kind != PollKind.Election && codes.Contains((short)0))
        {
            errors[field] = [kind == PollKind.Motion ? "Vote on every item: for, against or abstain." : "Rate every manager."];
        }
        if (errors.Count == 0 && kind == PollKind.Election && codes.Count(c => c != 0) > seats)
        {
            errors[field] = [$"Select at most {seats} candidates, one per seat."];
        }
        return errors.Count == 0 ? codes : throw ProblemException.Validation(errors);
    }
}

internal sealed record ItemChoice
{
    /// <summary>The item's number (1 for a single motion), the candidate's or the manager's.</summary>
    public int? Item { get; init; }

    public Choice? Choice { get; init; }
}
