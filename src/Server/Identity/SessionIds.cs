using System.Security.Claims;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Every sign-in gets a session id in its cookie; signing out revokes that id on the server, so a copy of the cookie
/// is refused at once while the account's other sessions (another workstation) go on.
/// </summary>
internal static class SessionIds
{
    public const string ClaimType = "melanogans:sid";

    /// <summary>The cookie lives at most this long, so a revocation is kept as long.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>Cookie event: a new sign-in (or a password change's re-issue) starts a new session.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
            identity.AddClaim(new Claim(ClaimType, Guid.NewGuid().ToString("N")));
        return Task.CompletedTask;
    }

    /// <summary>Identity's one-minute refresh rebuilds the claims: the session keeps its id.</summary>
    public static Task KeepOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } sid && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == ClaimType))
            identity.AddClaim(new Claim(ClaimType, sid.Value));
        return Task.CompletedTask;
    }

    public static async Task RevokeAsync(StudioDbContext db, ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(ClaimType) is not { } sid) return;
        var now = DateTimeOffset.UtcNow;
        // Revocations outlive their cookies by nothing: drop the expired ones as new ones come.
        await db.RevokedSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        if (!await db.RevokedSessions.AnyAsync(s => s.Id == sid))
        {
            db.RevokedSessions.Add(new RevokedSession { Id = sid, ExpiresAt = now + Lifetime });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Whether the session behind <paramref name="principal"/> still stands: the account enabled, its security stamp
    /// the one the session was issued with, the session not signed out. The cookie check and the circuits' one-minute
    /// revalidation both ask this.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(IServiceProvider services, ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return await users.GetUserAsync(principal) is { IsDisabled: false } user
            && user.SecurityStamp == principal.FindFirstValue(stampClaim)
            && !await IsRevokedAsync(services.GetRequiredService<StudioDbContext>(), principal, ct);
    }

    public static async Task<bool> IsRevokedAsync(StudioDbContext db, ClaimsPrincipal principal, CancellationToken ct = default) =>
        principal.FindFirstValue(ClaimType) is { } sid && await db.RevokedSessions.AnyAsync(s => s.Id == sid, ct);
}
