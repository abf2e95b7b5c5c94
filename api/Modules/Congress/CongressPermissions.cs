namespace Workforce.Congress;

/// <summary>The permissions Congress's endpoints require; who gets them is declared in <see cref="CongressModule"/>.</summary>
internal static class CongressPermissions
{
    public const string SessionsRead = "congress.sessions.read";
    public const string SessionsManage = "congress.sessions.manage";

    /// <summary>What a representative does in a session: check in, read, vote, check a receipt.</summary>
    public const string Attend = "congress.attend";

    /// <summary>A region's view of its enterprises' congresses: sessions held and attendance per enterprise, counts only.</summary>
    public const string RegionRead = "congress.region.read";
}
