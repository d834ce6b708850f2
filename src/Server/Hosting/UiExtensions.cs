using MelanoGans.Client;
using MelanoGans.Server.Api;
using MelanoGans.Server.Identity;

namespace MelanoGans.Server.Hosting;

/// <summary>Blazor (interactive server) with the pages of MelanoGans.Client, and static files.</summary>
public static class UiExtensions
{
    public static WebApplicationBuilder AddStudioUi(this WebApplicationBuilder builder)
    {
        // Serves _content/MudBlazor and the framework scripts from a build (not only a publish)
        // in every environment; a no-op where the manifest is absent.
        builder.WebHost.UseStaticWebAssets();
        // Nothing about the server in the responses.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddStudioClient();
        return builder;
    }

    public static WebApplication UseStudioPipeline(this WebApplication app)
    {
        // In every environment, the README's Development run included: a friendly page, the details only in the log.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        // Scripts (the REST API) and workers get a 500 problem document whatever the method (re-executing the page route
        // /error for a PUT or DELETE answered 405 with an empty body, which no monitor reads as a crash). The exports a
        // signed-in browser downloads from /api/studies keep the friendly page.
        app.UseWhen(IsScriptRoute,
            machine => machine.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteCrashAsync }));
        app.UseStudioSecurityHeaders();
        // HSTS goes only on HTTPS responses; the redirect only for people: workers (hub, /api) are given their URL,
        // the local worker an http:// one, and an HTTP client drops the token when it follows a redirect.
        app.UseHsts();
        if (ServesHttps(app.Configuration))
            app.UseWhen(http => !IsMachineRoute(http), people => people.UseHttpsRedirection());
        app.UseSignInRateLimiting();
        // People get the not-found page; scripts (the REST API, the hubs) a problem document for every refusal the
        // framework answers without a body (a route constraint's 404, a 405, a 415); the exports the bare status.
        app.UseWhen(http => !IsMachineRoute(http), pages => pages.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseWhen(IsScriptRoute, scripts => scripts.UseStatusCodePages(ApiProblems.WriteStatusAsync));
        // HEAD on the API is its GET without the body, as HTTP asks.
        app.UseWhen(http => HttpMethods.IsHead(http.Request.Method) && http.Request.Path.StartsWithSegments(ApiExtensions.Prefix), AnswerHeadAsGet);
        app.UseStaticFiles();
        // Explicit, so that sign-in redirects and refusals pass the headers and the error handler above too.
        app.UseRouting();
        app.UseAuthentication();
        app.UseStudioApiGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStudioUi(this WebApplication app)
    {
        app.MapStaticAssets();
        // The full policy comes from SecurityHeaders, frame-ancestors included.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    private static void AnswerHeadAsGet(IApplicationBuilder head) => head.Use(async (http, next) =>
    {
        http.Request.Method = HttpMethods.Get;
        var body = http.Response.Body;
        http.Response.Body = Stream.Null;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }
    });

    private static Task WriteCrashAsync(HttpContext http) =>
        Results.Problem(title: "The server failed on this request; the failure is logged.", statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(http);

    private static bool IsMachineRoute(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs");

    /// <summary>The REST API and the hubs: clients that read problem documents, not pages (the /api/studies exports are downloads).</summary>
    private static bool IsScriptRoute(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api/v1") || http.Request.Path.StartsWithSegments("/hubs");

    /// <summary>Whether the server listens on HTTPS (an https URL or port is configured): then HSTS and the redirect apply.</summary>
    private static bool ServesHttps(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrEmpty(configuration["https_port"]) || !string.IsNullOrEmpty(configuration["ASPNETCORE_HTTPS_PORTS"]);
}
