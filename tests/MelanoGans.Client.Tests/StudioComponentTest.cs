using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MelanoGans.Client.Tests;

/// <summary>A bUnit context with MudBlazor's services and a signed-in user with the given roles.</summary>
public abstract class StudioComponentTest : BunitContext
{
    protected StudioComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected void SignInAs(string userName, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
    }
}
