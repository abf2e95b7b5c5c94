namespace Workforce.Proposals.Awards;

/// <summary>What the change feed and webhooks hear about award campaigns and their nominations.</summary>
internal static class AwardEvents
{
    public static readonly EventType CampaignOpened = new("proposals.awardCampaign.opened", "awardCampaign");
    public static readonly EventType CampaignReviewing = new("proposals.awardCampaign.reviewing", "awardCampaign");
    public static readonly EventType CampaignDecided = new("proposals.awardCampaign.decided", "awardCampaign");
    public static readonly EventType NominationReceived = new("proposals.awardNomination.received", "awardNomination");
    public static readonly EventType NominationScored = new("proposals.awardNomination.scored", "awardNomination");
    public static readonly EventType NominationAwarded = new("proposals.awardNomination.awarded", "awardNomination");
    public static readonly EventType NominationEscalated = new("proposals.awardNomination.escalated", "awardNomination");
}
