namespace Workforce.Proposals.Cosigning;

/// <summary>What the change feed and webhooks hear about co-signing: each event is about one co-signer's invitation (附议).</summary>
internal static class CosignerEvents
{
    public static readonly EventType Invited = new("proposals.cosigner.invited", "cosigner");
    public static readonly EventType Accepted = new("proposals.cosigner.accepted", "cosigner");
    public static readonly EventType Declined = new("proposals.cosigner.declined", "cosigner");
}
