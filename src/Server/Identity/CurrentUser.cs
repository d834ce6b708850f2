using System.Security.Claims;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Identity;

/// <summary>
/// The one role guard of every circuit-facing service. The account is read from the database for every
/// operation, not taken from the cookie: a circuit lives for hours, and a user an admin disabled or demoted, or whose
/// session ended elsewhere (sign-out, new password), loses the right at their next click instead of at the next
/// cookie validation.
/// </summary>
public sealed class CurrentUser(
    AuthenticationStateProvider authState,
    IDbContextFactory<StudioDbContext> dbs,
    IOptions<IdentityOptions> identity)
{
    /// <summary>The caller's account as stored now; null when anonymous, unknown or disabled.</summary>
    public async Task<CallerAccount?> FindAsync(CancellationToken ct = default)
    {
        var principal = (await authState.GetAuthenticationStateAsync()).User;
        if (principal.Identity?.IsAuthenticated != true) return null;
        var id = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var name = principal.Identity.Name;
        var session = principal.FindFirstValue(SessionIds.ClaimType);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        users = id is not null ? users.Where(u => u.Id == id) : users.Where(u => u.UserName == name);
        // One query for the account, its roles and whether this session was ended: every click of every page asks.
        var user = await users.Select(u => new
        {
            u.Id,
            u.UserName,
            u.IsDisabled,
            u.SecurityStamp,
            Revoked = session != null && db.RevokedSessions.Any(s => s.Id == session),
            Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name!).ToList(),
        }).SingleOrDefaultAsync(ct);
        if (user is null || user.IsDisabled || user.Revoked) return null;
        // A session that ended (sign-out, new password, changed roles: a new stamp) keeps no rights on an open page.
        if (principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is { } stamp && stamp != user.SecurityStamp) return null;
        return new CallerAccount(user.Id, user.UserName!, user.Roles);
    }

    /// <summary>The caller's account; throws <see cref="UnauthorizedAccessException"/> unless it holds one of the roles now.</summary>
    public async Task<CallerAccount> RequireAsync(IReadOnlyList<string> anyOf, CancellationToken ct = default)
    {
        var account = await FindAsync(ct);
        if (account is null || !anyOf.Any(account.IsIn))
            throw new UnauthorizedAccessException($"Only {string.Join(" and ", anyOf)} may do this.");
        return account;
    }

    /// <inheritdoc cref="RequireAsync(IReadOnlyList{string}, CancellationToken)"/>
    public Task<CallerAccount> RequireAsync(string role, CancellationToken ct = default) => RequireAsync([role], ct);
}
