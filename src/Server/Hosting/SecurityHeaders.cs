namespace MelanoGans.Server.Hosting;

/// <summary>The headers every response carries: what the browser may load and frame, and what it tells other sites.</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Scripts and connections only from this origin (Blazor's own script and circuit, MudBlazor, rating.js); inline
    /// styles, which MudBlazor sets on its components; images also as data and blob URLs (charts, previews); no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseStudioSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
