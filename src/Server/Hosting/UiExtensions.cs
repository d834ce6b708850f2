using MelanoGans.Client;

namespace MelanoGans.Server.Hosting;

/// <summary>Blazor (interactive server) with the pages of MelanoGans.Client, and static files.</summary>
public static class UiExtensions
{
    public static WebApplicationBuilder AddStudioUi(this WebApplicationBuilder builder)
    {
        // Serves _content/MudBlazor and the framework scripts from a build (not only a publish)
        // in every environment; a no-op where the manifest is absent.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddStudioClient();
        return builder;
    }

    public static WebApplication UseStudioPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/not-found", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseStaticFiles();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStudioUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
