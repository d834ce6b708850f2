using Microsoft.Extensions.Logging.Console;

namespace MelanoGans.Server.Hosting;

/// <summary>
/// Console logging with message templates (structured): one line per event by default, JSON with
/// <c>Logging:Console:FormatterName=json</c>.
/// </summary>
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddStudioLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            // Scopes (trace and connection ids) go to the JSON formatter; one line stays readable.
            o.IncludeScopes = false;
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        return builder;
    }
}
