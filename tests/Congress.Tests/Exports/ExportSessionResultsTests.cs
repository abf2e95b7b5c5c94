using System.Text;

namespace Workforce.Congress.Tests.Exports;

public sealed class ExportSessionResultsTests(ClosedSessionApi api) : IClassFixture<ClosedSessionApi>
{
    [Fact]
    public async Task The_csv_export_holds_the_session_its_attendance_by_group_and_every_result()
    {
        var session = await api.SessionAsync();

        var response = await session.Congress.Union.GetAsync(session.ResultsUrl("csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ExportFiles.Csv(Encoding.UTF8.GetString(bytes[3..]));
        var people = session.Congress.Representatives;

        Assert.Contains(["单位", session.EnterpriseName], rows);
        Assert.Contains(["应到代表（人）", "8"], rows);
        Assert.Contains(["实到代表（人）", "7"], rows);
        Assert.Contains(["法定出席人数（超过三分之二，人）", "6"], rows);
        Assert.Contains(["达到法定人数", "是"], rows);
        Assert.Contains(["第1代表团", "4", "4", "0"], rows);
        Assert.Contains(["第2代表团", "4", "3", "1"], rows);
        Assert.Equal(["第1代表团", people[0].Name, EmployeeNumber(session, 0), "出席", "网上签到"], rows.Single(r => r.Contains(people[0].Name)));
        Assert.Equal(["第1代表团", people[6].Name, EmployeeNumber(session, 6), "出席", "现场签到"], rows.Single(r => r.Contains(people[6].Name)));
        Assert.Equal(["第2代表团", people[7].Name, EmployeeNumber(session, 7), "缺席", ""], rows.Single(r => r.Contains(people[7].Name)));

        var motion = rows.Where(r => r[0] == ClosedSession.MotionTitle).ToList();
        const string majority = "经全体代表8人的过半数赞成（至少5票）为通过";
        // A cell a spreadsheet would run as a formula is defused with an apostrophe.
        Assert.Equal([ClosedSession.MotionTitle, "1", "'" + ClosedSession.FormulaItem, "8", "7", "5", "2", "87.5", "6", "1", "0", majority, "通过"], motion[0]);
        Assert.Equal([ClosedSession.MotionTitle, "2", "'" + ClosedSession.MarkupItem, "8", "7", "5", "2", "87.5", "2", "3", "2", majority, "未通过"], motion[1]);
        var election = rows.Where(r => r[0] == "职工董事选举").Select(r => (r[2], r[9], r[11]));
        Assert.Equal([("候选人甲", "5", "当选"), ("候选人乙", "5", "当选"), ("候选人丙", "3", "未当选")], election);
        var evaluation = rows.Where(r => r[0] == "2025年度领导班子民主测评").Select(r => r[2..]).ToList();
        Assert.Equal(["李经理", "总经理", "8", "7", "5", "2", "87.5", "7", "4", "2", "1", "0", "参评人数不足6人的，不予显示测评结果"], evaluation[0]);
        Assert.Equal(["赵经理", "副总经理", "8", "7", "5", "2", "87.5", "5", "不足6人，不予显示", "", "", "", "参评人数不足6人的，不予显示测评结果"], evaluation[1]);
    }

    [Fact]
    public async Task The_xlsx_export_is_a_workbook_with_a_sheet_per_table_and_counts_as_numbers()
    {
        var session = await api.SessionAsync();

        var response = await session.Congress.Union.GetAsync(session.ResultsUrl("xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var sheets = Workbook.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["会议概况", "出席汇总", "出席名单", "议案表决", "选举结果", "民主测评"], sheets.Keys);
        Assert.Contains(sheets["会议概况"], r => r is ["实到代表（人）", 7.0]);
        Assert.Equal(9, sheets["出席名单"].Count);
        var motion = sheets["议案表决"];
        Assert.Equal(["议案", "序号", "表决事项", "应到代表", "投票人数", "网上投票", "纸质投票", "投票率（%）", "赞成", "反对", "弃权", "表决规则", "表决结果"], motion[0].Texts());
        // An inline string is never a formula, so the workbook keeps the title as written.
        Assert.Equal([ClosedSession.MotionTitle, 1.0, ClosedSession.FormulaItem, 8.0, 7.0, 5.0, 2.0, 87.5, 6.0, 1.0, 0.0], motion[1][..11]);
        Assert.Equal("通过", motion[1][12]);
        Assert.Equal(ClosedSession.MarkupItem, motion[2][2]);
        Assert.Equal(new object?[] { 2.0, 3.0, 2.0, "未通过" }, new[] { motion[2][8], motion[2][9], motion[2][10], motion[2][12] });
        Assert.Equal(new object?[] { "候选人乙", 5.0, "当选" }, new[] { sheets["选举结果"][2][2], sheets["选举结果"][2][9], sheets["选举结果"][2][11] });
        var suppressed = sheets["民主测评"][2];
        Assert.Equal(["赵经理", "副总经理"], suppressed[2..4]);
        Assert.Equal([5.0, "不足6人，不予显示", null, null, null], suppressed[9..14]);
    }

    [Fact]
    public async Task The_printable_page_shows_the_results_encoded_and_ends_with_the_signature_lines()
    {
        var session = await api.SessionAsync();

        var response = await session.Congress.Union.GetAsync(session.ResultsUrl("html"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("关于&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("size: A4", html);
        Assert.Contains("break-inside: avoid", html);
        Assert.DoesNotMatch(@"<link|src=|url\(|@import", html);

        var rows = ExportFiles.Html(html);
        Assert.Contains([session.EnterpriseName], rows);
        Assert.Contains(["实到代表（人）", "7"], rows);
        Assert.Contains(["第2代表团", "4", "3", "1"], rows);
        Assert.Contains(["1", ClosedSession.FormulaItem, "6", "1", "0", "通过"], rows);
        Assert.Contains(["2", ClosedSession.MarkupItem, "2", "3", "2", "未通过"], rows);
        Assert.Contains(["3", "候选人丙", "3", "未当选"], rows);
        Assert.Contains(["李经理", "总经理", "7", "4", "2", "1", "0"], rows);
        Assert.Contains(["赵经理", "副总经理", "5", "不足6人，不予显示"], rows);
        Assert.Contains([session.Congress.Representatives[7].Name, EmployeeNumber(session, 7), "缺席", ""], rows);
        Assert.Contains(rows, r => r[0] == "应到代表8人，投票7人（网上5人，纸质2人），投票率87.5%。表决规则：经全体代表8人的过半数赞成（至少5票）为通过。");
        var signatures = rows.Select(r => r[0]).SkipWhile(line => !line.StartsWith("大会主席团", StringComparison.Ordinal)).ToList();
        Assert.Equal(["大会主席团（签字）：", "总监票人（签字）：", "监票人（签字）：", "计票人（签字）：", "日期："], signatures);
    }

    [Fact]
    public async Task An_archived_session_is_exported_as_well()
    {
        var session = await api.SessionAsync();
        var congress = session.Congress;
        var current = await congress.Union.GetAsync(congress.SessionUrl);
        await (await congress.Union.PostAsync($"{congress.SessionUrl}/archive", null, current.ETag())).ExpectJsonAsync();

        var rows = ExportFiles.Csv(Encoding.UTF8.GetString((await (await congress.Union.GetAsync(session.ResultsUrl("csv"))).Content.ReadAsByteArrayAsync())[3..]));

        Assert.Contains(["会议状态", "已归档"], rows);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("html")]
    public async Task A_session_still_open_has_no_results_to_export(string format)
    {
        var (congress, _) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);

        var response = await congress.Union.GetAsync($"{congress.SessionUrl}/results?format={format}");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "session_not_closed");
    }

    [Fact]
    public async Task Another_enterprise_cannot_export_the_session()
    {
        var session = await api.SessionAsync();
        var stranger = await api.NewEnterpriseAsync();

        var response = await stranger.Client.GetAsync(session.ResultsUrl("html"));

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "session_not_found");
    }

    [Fact]
    public async Task A_representative_cannot_export_the_results()
    {
        var session = await api.SessionAsync();

        var response = await session.Congress.Representatives[0].Client.GetAsync(session.ResultsUrl("csv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("?format=pdf")]
    [InlineData("")]
    public async Task A_format_other_than_csv_xlsx_or_html_is_refused(string query)
    {
        var session = await api.SessionAsync();

        var response = await session.Congress.Union.GetAsync($"{session.Congress.SessionUrl}/results{query}");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(["format"], problem.Errors!.Keys);
    }

    private static string EmployeeNumber(ClosedSession session, int representative) => session.Attendance["representatives"]!.AsArray()
        .Single(r => r!["representativeId"]!.GetValue<Guid>() == session.Congress.Representatives[representative].RepresentativeId)!
        .Str("employeeNumber");
}
