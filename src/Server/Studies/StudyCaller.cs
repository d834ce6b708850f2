using System.Security.Claims;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace MelanoGans.Server.Studies;

/// <summary>
/// Who is calling a study service on this circuit. The services never take a user id from the page: the
/// rater is whoever is signed in, so nobody can answer as someone else.
/// </summary>
internal sealed class StudyCaller(AuthenticationStateProvider authState, UserManager<ApplicationUser> users)
{
    private string? _userId;

    // Read every time, not cached: a circuit outlives role changes, and the provider revalidates them.
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authState.GetAuthenticationStateAsync()).User;

    /// <summary>The caller's user name; throws unless the caller is a lead or an admin.</summary>
    public async Task<string> RequireLeadAsync()
    {
        var principal = await PrincipalAsync();
        if (!principal.IsInRole(Roles.Lead) && !principal.IsInRole(Roles.Admin))
            throw new UnauthorizedAccessException("Only leads and admins manage studies.");
        return principal.Identity?.Name ?? "?";
    }

    /// <summary>The caller's Identity user id, or null for an anonymous or unknown caller (the account behind a circuit never changes).</summary>
    public async Task<string?> UserIdAsync()
    {
        if (_userId is not null) return _userId;
        _userId = await ResolveUserIdAsync(users, await PrincipalAsync());
        return _userId;
    }

    /// <summary>The user id of a principal: the cookie's id claim, or a look-up by name where it has none.</summary>
    public static async Task<string?> ResolveUserIdAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (users.GetUserId(principal) is { } id) return id;
        return principal.Identity.Name is { } name ? (await users.FindByNameAsync(name))?.Id : null;
    }
}
