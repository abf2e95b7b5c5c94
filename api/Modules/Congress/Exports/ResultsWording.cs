using System.Globalization;
using Workforce.Congress.Attendance;
using Workforce.Congress.Polls;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Exports;

/// <summary>How the exports say things, in the words of a tellers' report (计票报告).</summary>
internal static class ResultsWording
{
    public static string Mode(SessionMode mode) => mode switch
    {
        SessionMode.Online => "网上召开",
        SessionMode.Offline => "现场召开",
        _ => "现场与网上相结合",
    };

    public static string Kind(SessionKind kind) => kind == SessionKind.Regular ? "例会" : "专题会议";

    public static string Status(SessionStatus status) => status == SessionStatus.Archived ? "已归档" : "已闭会";

    public static string Presence(AttendanceEntry entry) => entry.Channel is null ? "缺席" : "出席";

    public static string Channel(CheckInChannel? channel) => channel switch
    {
        CheckInChannel.Online => "网上签到",
        CheckInChannel.OnSite => "现场签到",
        CheckInChannel.PaperSheet => "签到表签到",
        CheckInChannel.ProxyStaff => "工作人员代为登记",
        _ => "",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>The rule the results were decided by, from what the vote stored when it closed (its roster and settings).</summary>
    public static string Rule(Poll poll, PollResults results)
    {
        var roster = results.RosterSize;
        return poll.Kind switch
        {
            PollKind.Motion when poll.PassRule == PassRule.TwoThirdsOfAll =>
                $"经全体代表{roster}人的三分之二以上赞成（至少{Tally.VotesNeeded(PassRule.TwoThirdsOfAll, roster)}票）为通过",
            PollKind.Motion => $"经全体代表{roster}人的过半数赞成（至少{Tally.VotesNeeded(PassRule.MajorityOfAll, roster)}票）为通过",
            PollKind.Election =>
                $"应选{poll.Seats}名；得票超过全体代表{roster}人的半数（至少{Tally.VotesNeeded(PassRule.MajorityOfAll, roster)}票）且得票较多者当选，得票相同不能确定的名额待定",
            _ => $"参评人数不足{poll.MinRespondents}人的，不予显示测评结果",
        };
    }

    /// <summary>Ballots cast over the roster, in percent to one decimal, as the app writes every rate.</summary>
    public static double TurnoutPercent(PollResults results) => Math.Round(results.Turnout * 100, 1);

    public static string Turnout(PollResults results) =>
        $"应到代表{results.RosterSize}人，投票{results.BallotsCast}人（网上{results.OnlineBallots}人，纸质{results.PaperBallots}人），投票率{TurnoutPercent(results):0.#}%";

    /// <summary>A motion item of a single motion is the motion itself.</summary>
    public static string Item(Poll motion, ItemResult item) => motion.Itemised ? item.Title : "整体表决";

    public static string Passed(ItemResult item) => item.Passed == true ? "通过" : "未通过";

    public static string Elected(ItemResult candidate) =>
        candidate.Elected == true ? "当选" : candidate.Tied == true ? "得票相同，待定" : "未当选";

    public static string Suppressed(Poll evaluation) => $"不足{evaluation.MinRespondents}人，不予显示";

    public const string SecrecyNote = "本报告只载明出席情况和各项表决的汇总结果，不含任何代表的个人选票。";
}
