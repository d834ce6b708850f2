using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Checks every request's sign-in cookie against the account as stored and the signed-out sessions: a cookie copied
/// before its sign-out, a password change or a disable is refused at once, not at the next one-minute validation. Identity's own validator
/// still runs first (it refreshes the cookie's claims every minute); this check (<see cref="SessionIds.IsCurrentAsync"/>) never re-issues
/// the cookie, so cached responses such as images stay cacheable.
/// </summary>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal || await SessionIds.IsCurrentAsync(context.HttpContext.RequestServices, principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
