using System.Security.Claims;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Re-checks a circuit's user every minute, so a disabled account or a changed role ends an open
/// interactive session instead of lasting as long as the browser tab.
/// </summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await IsCurrentAsync(users, state.User)
            && !await SessionIds.IsRevokedAsync(scope.ServiceProvider.GetRequiredService<StudioDbContext>(), state.User, ct);
    }

    private async Task<bool> IsCurrentAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { IsDisabled: false } user) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
