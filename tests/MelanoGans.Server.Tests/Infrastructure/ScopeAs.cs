using System.Security.Claims;
using MelanoGans.Server.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>
/// A DI scope whose Blazor authentication state is the given user, as on a circuit. The account exists in the
/// database with exactly these roles (created without a password when missing): services read the caller's
/// account fresh for every operation, as they do for a real signed-in user.
/// </summary>
public static class ScopeAs
{
    public static AsyncServiceScope Create(IServiceProvider services, string userName, params string[] roles)
    {
        var (userId, stamp) = EnsureAccountAsync(services, userName, roles).GetAwaiter().GetResult();
        var scope = services.CreateAsyncScope();
        // As the cookie of a sign-in now: its stamp keeps the scope signed in past the circuit's one-minute revalidation.
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userName), new Claim("AspNet.Identity.SecurityStamp", stamp),
             .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test");
        var provider = (IHostEnvironmentAuthenticationStateProvider)
            scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var principal = new ClaimsPrincipal(identity);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        // Sign-in writes a cookie to the current request, as the static login page does.
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        return scope;
    }

    /// <summary>A password sign-in as the static login page makes it: one anonymous request, in a scope of its own.</summary>
    public static async Task<MelanoGans.Shared.Contracts.SignInOutcome> SignInAsync(IServiceProvider services, string userName, string password)
    {
        await using var request = services.CreateAsyncScope();
        request.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = request.ServiceProvider };
        return await request.ServiceProvider.GetRequiredService<MelanoGans.Client.Services.ISignInService>().PasswordSignInAsync(userName, password, false);
    }

    private static async Task<(string Id, string Stamp)> EnsureAccountAsync(IServiceProvider services, string userName, string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new ApplicationUser { UserName = userName };
            Check(await users.CreateAsync(user));
        }
        var held = await users.GetRolesAsync(user);
        if (held.Except(roles).ToList() is { Count: > 0 } extra) Check(await users.RemoveFromRolesAsync(user, extra));
        if (roles.Except(held).ToList() is { Count: > 0 } missing) Check(await users.AddToRolesAsync(user, missing));
        return (user.Id, await users.GetSecurityStampAsync(user));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
