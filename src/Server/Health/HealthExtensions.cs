using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MelanoGans.Server.Health;

/// <summary><c>/healthz</c>: overall status and one entry per check, as JSON.</summary>
public static class HealthExtensions
{
    public static WebApplicationBuilder AddStudioHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static IEndpointRouteBuilder MapStudioHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                    }),
                });
            },
        });
        return endpoints;
    }
}
