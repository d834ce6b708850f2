using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer mgp_...</c> as the token's owner. Every request reads the token, the
/// account and its roles again: a revoked or expired token, or a disabled owner, gets a 401 at the next request, and
/// a token acts with the roles its owner holds now. The header only: a token in a URL would end up in logs.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StudioDbContext db,
    TimeProvider clock,
    IOptions<IdentityOptions> identity) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string FailureItem = "melanogans.access-token-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Fail("Use Authorization: Bearer <token>.");
        var token = header["Bearer ".Length..].Trim();
        // A malformed token is an unknown one: the same answer, whatever its shape.
        if (!AccessTokenHasher.IsWellFormed(token)) return Fail("Unknown token.");

        var hash = AccessTokenHasher.Hash(token);
        var stored = await db.AccessTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (stored?.User is not { } owner) return Fail("Unknown token.");
        if (stored.RevokedAt is not null) return Fail("The token was revoked.");
        if (stored.ExpiresAt <= now) return Fail("The token has expired.");
        if (owner.IsDisabled) return Fail("The token's account is disabled.");

        // Last use is for the owner's list; minute precision spares a write per request.
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var roles = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == owner.Id
                select r.Name!)
            .ToListAsync(Context.RequestAborted);
        var claims = identity.Value.ClaimsIdentity;
        var principal = new ClaimsIdentity(
            [
                new Claim(claims.UserIdClaimType, owner.Id),
                new Claim(claims.UserNameClaimType, owner.UserName!),
                new Claim(AccessTokenAuthentication.TokenIdClaim, stored.Id.ToString(CultureInfo.InvariantCulture)),
                .. roles.Select(r => new Claim(claims.RoleClaimType, r)),
            ],
            Scheme.Name, claims.UserNameClaimType, claims.RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal), Scheme.Name));
    }

    /// <summary>A 401 problem that says why (the token is the caller's own; the reason helps them and tells an attacker nothing).</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var reason = Context.Items[FailureItem] as string ?? "Send Authorization: Bearer <token> with a personal access token from your account page.";
        await ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized", reason);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your account may not do this.");
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureItem] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
