namespace Workforce.Access.Authentication;

/// <summary>How callers prove who they are: a session cookie (the admin UI) or an API key (integrations).</summary>
internal static class AccessSchemes
{
    public const string Session = "session";
    public const string ApiKey = "apiKey";

    /// <summary>Picks the API key scheme when an Authorization header is sent, the session cookie otherwise.</summary>
    public const string SessionOrApiKey = "sessionOrApiKey";

    public const string SessionCookie = "workforce_session";
    public const string AntiforgeryCookie = "workforce_antiforgery";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
    public const string OrganisationHeader = "X-Organisation-Id";

    public const string TenantClaim = "workforce:tenant";
    public const string StampClaim = "workforce:stamp";
    public const string OrganisationClaim = "workforce:organisation";
    public const string ScopeClaim = "workforce:scope";
}
