using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace MelanoGans.Server.Identity;

/// <summary>
/// Re-checks a circuit's session every minute (<see cref="SessionIds.IsCurrentAsync"/>), so a disabled account, a
/// changed role or a sign-out ends an open interactive session instead of lasting as long as the browser tab.
/// </summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await SessionIds.IsCurrentAsync(scope.ServiceProvider, state.User, ct);
    }
}
