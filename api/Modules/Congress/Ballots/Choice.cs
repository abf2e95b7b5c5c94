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

    /// <summary>What to choose on an item of <paramref name="kind"/>, where a choice is not one of them.</summary>
    public static Words Allowed(PollKind kind) => kind switch
    {
        PollKind.Motion => new("Choose for, against or abstain.", "请选择赞成（for）、反对（against）或弃权（abstain）。"),
        PollKind.Election => new("Choose selected.", "候选人的选项只能是选中（selected）。"),
        _ => new("Choose excellent, competent, basicallyCompetent or incompetent.",
            "请选择优秀（excellent）、称职（competent）、基本称职（basicallyCompetent）或不称职（incompetent）。"),
    };

    /// <summary>Where an item's number is not one of the <paramref name="items"/>.</summary>
    public static Words ItemRange(int items) => new($"Name an item from 1 to {items}.", $"请填写 1 至 {items} 之间的项号。");

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
                errors[$"{field}[{i}].item"] = [ItemRange(items).Said];
            }
            else if (choice is null || Code(kind, choice.Value) is not { } code)
            {
                errors[$"{field}[{i}].choice"] = [Allowed(kind).Said];
            }
            else if (codes[item.Value - 1] != 0)
            {
                errors[$"{field}[{i}].item"] = [new Words("Each item is chosen on once.", "每一项只能选择一次。").Said];
            }
            else
            {
                codes[item.Value - 1] = code;
            }
        }
        if (errors.Count == 0 && kind != PollKind.Election && codes.Contains((short)0))
        {
            errors[field] = [(kind == PollKind.Motion
                ? new Words("Vote on every item: for, against or abstain.", "请对每一项投赞成、反对或弃权票。")
                : new Words("Rate every manager.", "请对每一位测评对象作出评价。")).Said];
        }
        if (errors.Count == 0 && kind == PollKind.Election && codes.Count(c => c != 0) > seats)
        {
            errors[field] = [new Words($"Select at most {seats} candidates, one per seat.", $"最多选 {seats} 名候选人，每个名额一人。").Said];
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
