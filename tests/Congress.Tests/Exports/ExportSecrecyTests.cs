using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Workforce.Congress.Tests.Exports;

/// <summary>
/// The exports name who attended and count what was chosen, and must never do both at once: a row (a CSV record, a
/// worksheet row, a table row or line of the page) that names a representative holds only their attendance.
/// </summary>
public sealed partial class ExportSecrecyTests(ClosedSessionApi api) : IClassFixture<ClosedSessionApi>
{
    [Fact]
    public async Task No_export_puts_a_representative_on_a_row_with_a_choice_or_anything_but_their_attendance()
    {
        var session = await api.SessionAsync();
        var union = session.Congress.Union;
        var csv = await (await union.GetAsync(session.ResultsUrl("csv"))).Content.ReadAsByteArrayAsync();
        var xlsx = await (await union.GetAsync(session.ResultsUrl("xlsx"))).Content.ReadAsByteArrayAsync();
        var html = await (await union.GetAsync(session.ResultsUrl("html"))).Content.ReadAsStringAsync();
        var check = SecrecyCheck.Of(session);

        var rows = new Dictionary<string, List<string[]>>
        {
            ["csv"] = ExportFiles.Csv(Encoding.UTF8.GetString(csv[3..])),
            ["html"] = ExportFiles.Html(html),
        };
        foreach (var (sheet, sheetRows) in Workbook.Read(xlsx))
        {
            rows[$"xlsx {sheet}"] = sheetRows.Select(r => r.Texts()).ToList();
        }

        Assert.Empty(rows.SelectMany(file => check.Violations(file.Value).Select(v => $"{file.Key}: {v}")));
        // The check saw every representative where they belong: in each file's attendance, once.
        foreach (var representative in session.Congress.Representatives)
        {
            Assert.Single(rows["csv"], r => r.Contains(representative.Name));
            Assert.Single(rows["html"], r => r.Contains(representative.Name));
            Assert.Single(rows["xlsx 出席名单"], r => r.Contains(representative.Name));
        }
        // Nor is anything tucked away where a reader of rows would not look: no other part of the workbook names anyone,
        // and no markup of the page (attributes, comments) holds a name, an id or a choice.
        using var workbook = new ZipArchive(new MemoryStream(xlsx));
        var naming = workbook.Entries.Where(e => check.Names(new StreamReader(e.Open()).ReadToEnd())).Select(e => e.FullName);
        Assert.Equal(["xl/worksheets/sheet3.xml"], naming);
        Assert.DoesNotContain(Markup().Matches(html).Select(m => m.Value), tag => check.Names(tag) || check.Chooses(tag));
    }

    [Fact]
    public async Task The_secrecy_check_finds_a_ballot_level_row_in_any_shape()
    {
        var session = await api.SessionAsync();
        var check = SecrecyCheck.Of(session);
        var voter = session.Congress.Representatives[0];

        string[][] ballots =
        [
            [voter.Name, "赞成"],
            [voter.Name, "For"],
            [$"{voter.Name}：反对"],
            [voter.Name, ClosedSession.MotionTitle, "1"],
            [voter.Name, "候选人甲"],
            ["第1代表团", voter.Name, "出席", "网上签到", "优秀"],
            [voter.RepresentativeId.ToString(), "2"],
            [voter.WorkerId.ToString().ToUpperInvariant()],
        ];

        Assert.All(ballots, row => Assert.NotEmpty(check.Violations([row])));
        Assert.Empty(check.Violations([["第1代表团", voter.Name, "出席", "网上签到"], ["议案", "赞成", "反对", "弃权"]]));
    }

    [GeneratedRegex("<[^>]*>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Markup();
}

/// <summary>Who must never stand next to a choice, and what may stand next to them.</summary>
internal sealed partial class SecrecyCheck
{
    private readonly IReadOnlyList<(string Name, HashSet<string> Ids, HashSet<string> Attendance)> _people;

    private SecrecyCheck(IReadOnlyList<(string, HashSet<string>, HashSet<string>)> people) => _people = people;

    /// <summary>A choice on any kind of ballot, in the words a ballot or its API would use.</summary>
    [GeneratedRegex(@"赞成|反对|弃权|同意|优秀|称职|\b(for|against|abstain|abstained|selected|excellent|competent|basicallyCompetent|incompetent)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Choice();

    private static readonly string[] AttendanceWords = ["", "出席", "缺席", "网上签到", "现场签到", "签到表签到", "工作人员代为登记"];

    public static SecrecyCheck Of(ClosedSession session) => new(session.Congress.Representatives.Select(r =>
    {
        var seat = session.Attendance["representatives"]!.AsArray().Single(a => a!["representativeId"]!.GetValue<Guid>() == r.RepresentativeId)!;
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { r.RepresentativeId.ToString(), r.WorkerId.ToString() };
        return (r.Name, ids, new HashSet<string>([r.Name, seat.Str("employeeNumber"), seat.Str("delegationGroup"), .. AttendanceWords]));
    }).ToList());

    public bool Names(string text) => _people.Any(p => text.Contains(p.Name, StringComparison.Ordinal) || p.Ids.Any(id => text.Contains(id, StringComparison.OrdinalIgnoreCase)));

    public bool Chooses(string text) => Choice().IsMatch(text);

    public IEnumerable<string> Violations(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            var line = string.Join(" | ", row);
            foreach (var (name, ids, attendance) in _people)
            {
                if (ids.Any(id => line.Contains(id, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return $"a representative's id: {line}";
                }
                if (!line.Contains(name, StringComparison.Ordinal))
                {
                    continue;
                }
                if (Chooses(line))
                {
                    yield return $"a representative next to a choice: {line}";
                }
                if (row.FirstOrDefault(cell => !attendance.Contains(cell)) is { } other)
                {
                    yield return $"a representative next to '{other}', which is not their attendance: {line}";
                }
            }
        }
    }
}
