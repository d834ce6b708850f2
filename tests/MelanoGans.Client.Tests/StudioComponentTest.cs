using MelanoGans.Shared.Contracts.Events;
using Bunit;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MelanoGans.Client.Tests;

/// <summary>A bUnit context with MudBlazor's services, an event bus, and a signed-in user with the given roles.</summary>
public abstract class StudioComponentTest : BunitContext
{
    protected StudioComponentTest()
    {
        // CI runs the test assemblies side by side on two cores: a re-render after an event can take longer than
        // bUnit's default second there (a models-page wait ran out after one check).
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
        Services.AddMudServices();
        Services.AddSingleton<IStudioEvents>(Events);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>The bus live pages subscribe to; tests publish on it as the server's jobs and services do.</summary>
    protected TestStudioEvents Events { get; } = new();

    protected void SignInAs(string userName, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
    }
}
