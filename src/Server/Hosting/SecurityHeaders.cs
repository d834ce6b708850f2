using Scalar.AspNetCore;

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

    /// <summary>
    /// The policy of a response whose page starts itself with a nonced inline script (the API reference page, Scalar,
    /// at <c>/api/docs</c>, draws a fresh nonce per request): that script, and no other inline one, may run.
    /// </summary>
    public static string WithScriptNonce(string nonce) =>
        ContentSecurityPolicy.Replace("script-src 'self';", $"script-src 'self' 'nonce-{nonce}';", StringComparison.Ordinal);

    public static WebApplication UseStudioSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Items[ScalarOptions.NonceHttpContextItemKey] is string { Length: > 0 } nonce
                    ? WithScriptNonce(nonce)
                    : ContentSecurityPolicy;
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
