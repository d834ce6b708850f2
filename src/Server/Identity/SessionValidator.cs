using System.Security.Claims;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Checks every request's sign-in cookie against the account as stored and the signed-out sessions: a cookie copied
/// before its sign-out, a password change or a disable is refused at once, not at the next one-minute validation. Identity's own validator
/// still runs first (it refreshes the cookie's claims every minute); this check reads one row and never re-issues
/// the cookie, so cached responses such as images stay cacheable.
/// </summary>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal) return;
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var user = await users.GetUserAsync(principal);
        if (user is { IsDisabled: false } && user.SecurityStamp == principal.FindFirstValue(stampClaim)
            && !await SessionIds.IsRevokedAsync(services.GetRequiredService<StudioDbContext>(), principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
