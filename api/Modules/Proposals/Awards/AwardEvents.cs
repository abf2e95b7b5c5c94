namespace Workforce.Proposals.Awards;

/// <summary>What the change feed and webhooks hear about award campaigns and their nominations.</summary>
internal static class AwardEvents
{
    public static readonly EventType CampaignOpened = new("proposals.awardCampaign.opened", "awardCampaign", new("Award campaign opened", "优秀提案评选已发布"));
    public static readonly EventType CampaignReviewing = new("proposals.awardCampaign.reviewing", "awardCampaign", new("Award campaign under review", "优秀提案评选进入评审"));
    public static readonly EventType CampaignDecided = new("proposals.awardCampaign.decided", "awardCampaign", new("Award campaign decided", "优秀提案评选已评定"));
    public static readonly EventType NominationReceived = new("proposals.awardNomination.received", "awardNomination", new("Award nomination received", "已收到优秀提案推荐"));
    public static readonly EventType NominationScored = new("proposals.awardNomination.scored", "awardNomination", new("Award nomination scored", "优秀提案推荐已评分"));
    public static readonly EventType NominationAwarded = new("proposals.awardNomination.awarded", "awardNomination", new("Award nomination awarded", "优秀提案推荐已获奖"));
    public static readonly EventType NominationEscalated = new("proposals.awardNomination.escalated", "awardNomination", new("Award nomination escalated", "优秀提案已向上报送"));
}
