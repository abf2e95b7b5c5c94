namespace Workforce.Proposals;

/// <summary>The permissions Proposals's endpoints require; who gets them is declared in <see cref="ProposalsModule"/>.</summary>
internal static class ProposalsPermissions
{
    /// <summary>The union's proposal work: read every submitted proposal and its figures.</summary>
    public const string Read = "proposals.read";

    /// <summary>The proposal committee (提案委员会): calls, settings, review, assignment, closing, award nominations.</summary>
    public const string Manage = "proposals.manage";

    /// <summary>What a representative does: draft, submit, co-sign and rate proposals.</summary>
    public const string Propose = "proposals.propose";

    /// <summary>What a handling department does: read what is assigned to it and answer.</summary>
    public const string Handle = "proposals.handle";

    /// <summary>A region's award campaigns: open them, name reviewers, rank, record awards and escalations.</summary>
    public const string AwardsManage = "proposals.awards.manage";

    /// <summary>Score the nominations of a campaign one is named a reviewer of.</summary>
    public const string AwardsReview = "proposals.awards.review";

    /// <summary>A region's view of its enterprises' proposal figures: counts and rates per enterprise, never a proposal.</summary>
    public const string RegionRead = "proposals.region.read";
}
