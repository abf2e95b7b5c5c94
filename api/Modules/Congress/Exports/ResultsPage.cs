using System.Globalization;
using System.Net;
using System.Text;
using Workforce.BuildingBlocks.Text;
using Workforce.Congress.Polls;
using W = Workforce.Congress.Exports.ResultsWording;

namespace Workforce.Congress.Exports;

/// <summary>
/// The results as one self-contained page to print on A4 and sign: no scripts, no outside resources, every value
/// HTML-encoded; tables repeat their heading on each page and never split a row; the signature lines stay together.
/// </summary>
internal static class ResultsPage
{
    private const string Style = """
        @page { size: A4; margin: 18mm 16mm 20mm; }
        * { box-sizing: border-box; }
        html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", serif;
               font-size: 10.5pt; line-height: 1.5; color: #000; background: #fff; }
        body { margin: 0 auto; max-width: 178mm; }
        @media screen { body { padding: 12mm 4mm; } }
        header { text-align: center; margin-bottom: 6mm; }
        header .enterprise { font-size: 13pt; margin: 0; }
        h1 { font-size: 17pt; margin: 1mm 0; }
        header .subtitle { margin: 0; font-size: 12pt; letter-spacing: 0.2em; }
        h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
        p { margin: 0 0 2mm; }
        p.summary { break-after: avoid; page-break-after: avoid; }
        h1, h2, h3, p, td, th { overflow-wrap: anywhere; word-break: break-word; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 3mm; }
        thead { display: table-header-group; }
        tr, th, td { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
        th { font-weight: bold; background: #f0f0f0; }
        .n { text-align: right; }
        .none { color: #444; }
        .note { margin-top: 5mm; font-size: 9.5pt; }
        .signatures { break-inside: avoid; page-break-inside: avoid; margin-top: 10mm; }
        .signatures .line { display: flex; align-items: flex-end; margin-top: 9mm; }
        .signatures .label { flex: none; width: 42mm; }
        .signatures .blank { flex: 1; border-bottom: 0.5pt solid #000; height: 7mm; }
        """;

    public static byte[] Render(SessionResults results)
    {
        var session = results.Session;
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(results.Enterprise)} {E(results.Title)}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            <header>
            <p class="enterprise">{E(results.Enterprise)}</p>
            <h1>{E(session.Name)}</h1>
            <p class="subtitle">表决结果报告</p>
            </header>

            """);

        var section = 0;
        string Heading(string title) => $"<h2>{ChineseNumerals.Of(++section)}、{title}</h2>\n";

        html.Append(Heading("会议概况"));
        var overview = ResultsTables.Overview(results);
        Table(html, overview.Headings, [45, 55], overview.Rows);

        html.Append(Heading("出席情况"));
        var groups = ResultsTables.Groups(results);
        Table(html, groups.Headings, [40, 20, 20, 20], groups.Rows);
        foreach (var group in results.Groups)
        {
            html.Append($"<h3>{E(group.Key)}</h3>\n");
            // No sequence numbers here: a row that names a representative holds nothing but their attendance.
            Table(html, ["姓名", "工号", "出席情况", "签到方式"], [34, 24, 16, 26],
                group.Select(a => new object?[] { a.Name, a.EmployeeNumber, W.Presence(a), W.Channel(a.Channel) }));
        }

        html.Append(Heading("议案表决结果"));
        Polls(html, results.Of(PollKind.Motion), "本次会议未表决议案。", motion =>
            Table(html, ["序号", "表决事项", "赞成", "反对", "弃权", "结果"], [8, 40, 11, 11, 11, 19],
                motion.Results!.Items.Select(i => new object?[] { i.Number, W.Item(motion, i), i.For, i.Against, i.Abstain, W.Passed(i) })));

        html.Append(Heading("选举结果"));
        Polls(html, results.Of(PollKind.Election), "本次会议未进行选举。", election =>
        {
            if (election.Results!.UndecidedSeats is > 0 and var undecided)
            {
                html.Append($"<p>因得票相同未能确定的名额：{undecided}名，由大会另行决定。</p>\n");
            }
            Table(html, ["序号", "候选人", "得票", "结果"], [10, 45, 15, 30],
                election.Results.Items.Select(c => new object?[] { c.Number, c.Title, c.Votes, W.Elected(c) }));
        });

        html.Append(Heading("民主测评结果"));
        Polls(html, results.Of(PollKind.Evaluation), "本次会议未进行民主测评。", evaluation => Evaluation(html, evaluation));

        html.Append($"""
            <p class="note">{E(W.SecrecyNote)}</p>
            <section class="signatures">
            <div class="line"><span class="label">大会主席团（签字）：</span><span class="blank"></span></div>
            <div class="line"><span class="label">总监票人（签字）：</span><span class="blank"></span></div>
            <div class="line"><span class="label">监票人（签字）：</span><span class="blank"></span></div>
            <div class="line"><span class="label">计票人（签字）：</span><span class="blank"></span></div>
            <div class="line"><span class="label">日期：</span><span class="blank"></span></div>
            </section>
            </body>
            </html>

            """);
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>Each vote under its title, with its turnout and rule, then its table; or a line saying there was none.</summary>
    private static void Polls(StringBuilder html, IEnumerable<Poll> polls, string none, Action<Poll> table)
    {
        var any = false;
        foreach (var (poll, n) in polls.Select((p, i) => (p, i + 1)))
        {
            any = true;
            html.Append($"<h3>（{ChineseNumerals.Of(n)}）{E(poll.Title)}</h3>\n");
            html.Append($"<p class=\"summary\">{E(W.Turnout(poll.Results!))}。表决规则：{E(W.Rule(poll, poll.Results!))}。</p>\n");
            table(poll);
        }
        if (!any)
        {
            html.Append($"<p class=\"none\">{E(none)}</p>\n");
        }
    }

    private static void Evaluation(StringBuilder html, Poll evaluation)
    {
        html.Append("""
            <table>
            <colgroup><col style="width:20%"><col style="width:20%"><col style="width:12%"><col style="width:12%"><col style="width:12%"><col style="width:12%"><col style="width:12%"></colgroup>
            <thead><tr><th>被测评人</th><th>职务</th><th class="n">参评人数</th><th class="n">优秀</th><th class="n">称职</th><th class="n">基本称职</th><th class="n">不称职</th></tr></thead>
            <tbody>

            """);
        foreach (var manager in evaluation.Results!.Items)
        {
            var post = evaluation.Items.FirstOrDefault(i => i.Number == manager.Number)?.Detail ?? "";
            html.Append($"<tr><td>{E(manager.Title)}</td><td>{E(post)}</td><td class=\"n\">{manager.Respondents}</td>");
            html.Append(manager.Suppressed == true
                ? $"<td colspan=\"4\">{E(W.Suppressed(evaluation))}</td>"
                : $"<td class=\"n\">{manager.Excellent}</td><td class=\"n\">{manager.Competent}</td><td class=\"n\">{manager.BasicallyCompetent}</td><td class=\"n\">{manager.Incompetent}</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>A table with these column widths (percent); a column of numbers only is aligned right.</summary>
    private static void Table(StringBuilder html, IReadOnlyList<string> headings, IReadOnlyList<int> widths, IEnumerable<object?[]> rows)
    {
        var cells = rows.ToList();
        var numeric = headings.Select((_, c) => cells.Count > 0 && cells.All(row => row[c] is int or double)).ToList();
        string Class(int column) => numeric[column] ? " class=\"n\"" : "";
        html.Append("<table>\n<colgroup>");
        html.AppendJoin("", widths.Select(width => $"<col style=\"width:{width}%\">"));
        html.Append("</colgroup>\n<thead><tr>");
        html.AppendJoin("", headings.Select((heading, c) => $"<th{Class(c)}>{E(heading)}</th>"));
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in cells)
        {
            html.Append("<tr>");
            html.AppendJoin("", row.Select((cell, c) => $"<td{Class(c)}>{E(Convert.ToString(cell, CultureInfo.InvariantCulture))}</td>"));
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
