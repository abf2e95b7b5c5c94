using System.Globalization;
using Workforce.BuildingBlocks.Files;
using Workforce.Congress.Polls;
using W = Workforce.Congress.Exports.ResultsWording;

namespace Workforce.Congress.Exports;

/// <summary>One table of the export: a sheet of the workbook, a block of the CSV file. Counts stay numbers.</summary>
internal sealed record ResultsTable(string Title, IReadOnlyList<string> Headings, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The results as flat tables for spreadsheets, one row per representative, item, candidate or manager. Rows that
/// name a representative (attendance) carry no choice; rows that carry choices (results) name no representative.
/// </summary>
internal static class ResultsTables
{
    public static IEnumerable<ResultsTable> Of(SessionResults results) =>
        [Overview(results), Groups(results), Attendance(results), Motions(results), Elections(results), Evaluations(results)];

    public static IReadOnlyList<XlsxSheet> Sheets(SessionResults results) =>
        Of(results).Select(t => new XlsxSheet(t.Title, [t.Headings.ToArray<object?>(), .. t.Rows])).ToList();

    /// <summary>The CSV file: a title line, then each table under its title, a blank line between them.</summary>
    public static IEnumerable<IEnumerable<string?>> Lines(SessionResults results)
    {
        yield return [$"{results.Enterprise}{results.Title}"];
        foreach (var table in Of(results))
        {
            yield return [];
            yield return [$"【{table.Title}】"];
            yield return table.Headings;
            foreach (var row in table.Rows)
            {
                yield return row.Select(cell => Convert.ToString(cell, CultureInfo.InvariantCulture));
            }
        }
    }

    public static ResultsTable Overview(SessionResults results)
    {
        var (session, quorum) = (results.Session, results.Quorum);
        return new ResultsTable("会议概况", ["项目", "内容"],
        [
            ["单位", results.Enterprise],
            ["会议名称", session.Name],
            ["届次", session.TermName],
            ["会议类型", W.Kind(session.Kind)],
            ["召开日期", W.Date(session.HeldOn)],
            ["会议地点", session.Venue ?? ""],
            ["会议形式", W.Mode(session.Mode)],
            ["会议状态", W.Status(session.Status)],
            ["应到代表（人）", quorum.RosterSize],
            ["实到代表（人）", quorum.Present],
            ["缺席代表（人）", quorum.RosterSize - quorum.Present],
            ["法定出席人数（超过三分之二，人）", quorum.Needed],
            ["达到法定人数", W.YesNo(quorum.Reached)],
        ]);
    }

    public static ResultsTable Groups(SessionResults results) => new("出席汇总", ["代表团", "应到", "实到", "缺席"],
        results.Groups.Select(g => new object?[] { g.Key, g.Count(), g.Count(a => a.Channel is not null), g.Count(a => a.Channel is null) }).ToList());

    private static ResultsTable Attendance(SessionResults results) => new("出席名单", ["代表团", "姓名", "工号", "出席情况", "签到方式"],
        results.Attendance.Select(a => new object?[] { a.DelegationGroup, a.Name, a.EmployeeNumber, W.Presence(a), W.Channel(a.Channel) }).ToList());

    private static ResultsTable Motions(SessionResults results) => new("议案表决",
        ["议案", "序号", "表决事项", "应到代表", "投票人数", "网上投票", "纸质投票", "投票率（%）", "赞成", "反对", "弃权", "表决规则", "表决结果"],
        results.Of(PollKind.Motion).SelectMany(motion => motion.Results!.Items.Select(item => Counted(motion,
            [item.Number, W.Item(motion, item)], [item.For, item.Against, item.Abstain, W.Rule(motion, motion.Results), W.Passed(item)]))).ToList());

    private static ResultsTable Elections(SessionResults results) => new("选举结果",
        ["选举", "序号", "候选人", "应到代表", "投票人数", "网上投票", "纸质投票", "投票率（%）", "应选名额", "得票", "选举规则", "选举结果"],
        results.Of(PollKind.Election).SelectMany(election => election.Results!.Items.Select(candidate => Counted(election,
            [candidate.Number, candidate.Title], [election.Seats, candidate.Votes, W.Rule(election, election.Results), W.Elected(candidate)]))).ToList());

    private static ResultsTable Evaluations(SessionResults results) => new("民主测评",
        ["测评", "序号", "被测评人", "职务", "应到代表", "投票人数", "网上投票", "纸质投票", "投票率（%）", "参评人数", "优秀", "称职", "基本称职", "不称职", "测评规则"],
        results.Of(PollKind.Evaluation).SelectMany(evaluation => evaluation.Results!.Items.Select(manager => Counted(evaluation,
            [manager.Number, manager.Title, evaluation.Items.FirstOrDefault(i => i.Number == manager.Number)?.Detail ?? ""],
            [
                manager.Respondents,
                .. manager.Suppressed == true
                    ? new object?[] { W.Suppressed(evaluation), null, null, null }
                    : [manager.Excellent, manager.Competent, manager.BasicallyCompetent, manager.Incompetent],
                W.Rule(evaluation, evaluation.Results),
            ]))).ToList());

    /// <summary>A row of a vote's results: its title and what it counted, between the turnout columns every vote shares.</summary>
    private static object?[] Counted(Poll poll, object?[] what, object?[] counts)
    {
        var results = poll.Results!;
        return [poll.Title, .. what, results.RosterSize, results.BallotsCast, results.OnlineBallots, results.PaperBallots, W.TurnoutPercent(results), .. counts];
    }
}
