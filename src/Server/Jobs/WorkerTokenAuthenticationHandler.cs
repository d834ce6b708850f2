using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// Authenticates trainer workers by bearer token: <c>Authorization: Bearer T</c>, or <c>access_token=T</c> in the
/// query for WebSocket upgrades where a client cannot set headers. Every request looks the hash up again, so a
/// revoked token stops working at once.
/// </summary>
internal sealed class WorkerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StudioDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken();
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();

        var hash = WorkerTokenHasher.Hash(token);
        var stored = await db.WorkerTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (stored is null) return AuthenticateResult.Fail("Unknown worker token.");
        if (stored.RevokedAt is not null) return AuthenticateResult.Fail("The worker token was revoked.");

        // Last use is for the admin's list; minute precision spares a write per upload.
        var now = DateTimeOffset.UtcNow;
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, stored.Name),
                new Claim(ClaimTypes.Role, WorkerTokenAuthentication.Role),
                new Claim(WorkerTokenAuthentication.TokenIdClaim, stored.Id.ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private string? BearerToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return Request.Query.TryGetValue("access_token", out var query) ? query.ToString() : null;
    }
}
