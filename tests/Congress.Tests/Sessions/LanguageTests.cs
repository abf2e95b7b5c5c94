using System.Text;
using Workforce.Congress.Tests.Documents;

namespace Workforce.Congress.Tests.Sessions;

/// <summary>The congress answers in Chinese whoever asks for it (Accept-Language: zh-CN), and in English everyone else.</summary>
public sealed class LanguageTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Refusals_are_said_in_Chinese_to_whoever_asks_and_in_English_otherwise()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        var representative = congress.Representatives[0].Client;
        var checkIn = $"{TestCongress.Api}/my/sessions/{congress.SessionId}/check-in";

        var plannedZh = await (await representative.InChinese().PostAsync(checkIn)).ExpectProblemAsync(HttpStatusCode.Conflict, "session_planned");
        var plannedEn = await (await representative.PostAsync(checkIn)).ExpectProblemAsync(HttpStatusCode.Conflict, "session_planned");
        var exe = await (await congress.Union.InChinese().SendAsync(HttpMethod.Post, $"{congress.SessionUrl}/documents",
                CongressDocuments.Form(Encoding.UTF8.GetBytes("MZ"), "setup.exe", "application/octet-stream", "工作报告")))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "document_type_not_allowed");
        await congress.OpenAsync();
        await congress.CheckInAsync(2);
        var motion = await congress.AddMotionAsync(new { title = "关于厂务公开实施细则的议案" });
        var noQuorumZh = await (await congress.Union.InChinese().PostAsync($"{TestCongress.Api}/polls/{motion.Id()}/open"))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "no_quorum");
        var noQuorumEn = await (await congress.Union.PostAsync($"{TestCongress.Api}/polls/{motion.Id()}/open"))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "no_quorum");

        Assert.Equal(("会议尚未开始。", "会议筹备中，不能签到（仅限会议进行中时）。"), (plannedZh.Title, plannedZh.Detail));
        Assert.Equal(("The session has not opened yet.", "The session is planned; checking in needs it open."), (plannedEn.Title, plannedEn.Detail));
        Assert.Equal("这种类型的文件不能作为会议文件。", exe.Title);
        Assert.Equal(("到会代表未达法定人数。", "应到代表 3 人，实到 2 人；表决须有全体代表的三分之二以上到会，即至少 3 人。"), (noQuorumZh.Title, noQuorumZh.Detail));
        Assert.Equal(("The session is not quorate.", "2 of 3 representatives are present; a vote needs more than two thirds, 3."), (noQuorumEn.Title, noQuorumEn.Detail));
    }

    [Fact]
    public async Task Validation_messages_name_the_fields_in_Chinese_to_whoever_asks_and_in_English_otherwise()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1);
        var session = new { number = 0, kind = "regular", mode = "online", heldOn = "2026-03-01" };
        var motion = new { title = " " };

        var sessionZh = await (await congress.Union.InChinese().PostAsync($"{TestCongress.Api}/sessions", session)).ExpectInvalidFieldsAsync("termId", "number");
        var sessionEn = await (await congress.Union.PostAsync($"{TestCongress.Api}/sessions", session)).ExpectInvalidFieldsAsync("termId", "number");
        var motionZh = await (await congress.Union.InChinese().PostAsync($"{congress.SessionUrl}/motions", motion)).ExpectInvalidFieldsAsync("title");
        var motionEn = await (await congress.Union.PostAsync($"{congress.SessionUrl}/motions", motion)).ExpectInvalidFieldsAsync("title");

        Assert.Equal("有字段填写不正确。", sessionZh.Title);
        Assert.Equal(["'届次' 不能为空。"], sessionZh.Errors!["termId"]);
        Assert.Equal(["'第几次会议' 必须在 1 (包含)和 99 (包含)之间， 您输入了 0。"], sessionZh.Errors["number"]);
        Assert.Equal(["'Term Id' must not be empty."], sessionEn.Errors!["termId"]);
        Assert.Equal(["'Number' must be between 1 and 99. You entered 0."], sessionEn.Errors["number"]);
        Assert.Equal(["请填写议题名称。"], motionZh.Errors!["title"]);
        Assert.Equal(["Give the motion a title."], motionEn.Errors!["title"]);
    }

    [Fact]
    public async Task The_rule_of_a_vote_s_results_is_said_in_the_reader_s_language()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);
        await (await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"))).ExpectJsonAsync();
        await congress.ClosePollAsync(motion);

        var zh = await (await congress.Union.InChinese().GetAsync($"{TestCongress.Api}/polls/{motion}")).ExpectJsonAsync();
        var en = await (await congress.Union.GetAsync($"{TestCongress.Api}/polls/{motion}")).ExpectJsonAsync();
        var phone = await (await congress.Representatives[1].Client.InChinese().GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}")).ExpectJsonAsync();

        Assert.Equal("须经全体代表 3 人的过半数赞成，即至少 2 票。", zh["results"]!.Str("rule"));
        Assert.Equal("More than half of all 3 representatives for: 2 votes.", en["results"]!.Str("rule"));
        Assert.Equal("须经全体代表 3 人的过半数赞成，即至少 2 票。", phone["polls"]![0]!["poll"]!["results"]!.Str("rule"));
    }
}
