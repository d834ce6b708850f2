using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>A DI scope whose Blazor authentication state is the given user, as on a circuit.</summary>
public static class ScopeAs
{
    public static AsyncServiceScope Create(IServiceProvider services, string userName, params string[] roles)
    {
        var scope = services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, userName), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
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
}
