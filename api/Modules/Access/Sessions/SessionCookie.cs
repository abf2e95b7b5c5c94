using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Workforce.Access.Authentication;
using Workforce.Access.Users;

namespace Workforce.Access.Sessions;

internal static class SessionCookie
{
    /// <summary>Issues the session cookie and, for the new identity, the antiforgery token the UI sends back in X-XSRF-TOKEN.</summary>
    public static async Task<string> SignInAsync(HttpContext context, SignedInUser user)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.LoginName),
            new Claim(AccessSchemes.TenantClaim, user.TenantId.ToString()),
            new Claim(AccessSchemes.StampClaim, user.SecurityStamp.ToString()),
        ], AccessSchemes.Session));
        await context.SignInAsync(AccessSchemes.Session, principal);
        context.User = principal;
        return AntiforgeryToken(context);
    }

    public static string AntiforgeryToken(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken!;
}
