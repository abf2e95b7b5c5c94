namespace Workforce.Proposals.Cosigning;

/// <summary>What the change feed and webhooks hear about co-signing: each event is about one co-signer's invitation (附议).</summary>
internal static class CosignerEvents
{
    public static readonly EventType Invited = new("proposals.cosigner.invited", "cosigner", new("Co-signer invited", "已邀请附议人"));
    public static readonly EventType Accepted = new("proposals.cosigner.accepted", "cosigner", new("Co-signer accepted", "附议人已同意附议"));
    public static readonly EventType Declined = new("proposals.cosigner.declined", "cosigner", new("Co-signer declined", "附议人已谢绝附议"));
}
