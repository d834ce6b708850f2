using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Server.Statistics;

/// <summary>
/// Study statistics: the dashboard's service and <c>GET /api/studies/{id}/statistics.json</c> (the study's leads and admins),
/// the same report as the dashboard and as <c>melanogans stats --json</c> on the study's ratings CSV.
/// </summary>
public static class StatisticsEndpoints
{
    public static WebApplicationBuilder AddStudioStatistics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StudyStatisticsOptions>().BindConfiguration(StudyStatisticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // No IRatingsTable here: the studies feature registers it; the cache treats it as optional.
        services.AddSingleton<StudyDashboardCache>();
        services.AddScoped<IStudyStatistics, StudyStatisticsService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStudioStatistics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/studies")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Lead))
            .AddEndpointFilter<Studies.LedStudyFilter>()
            .MapGet("/{id:int}/statistics.json", async (int id, StudyDashboardCache cache, HttpContext http, CancellationToken ct) =>
            {
                // The lead check was the filter's.
                if (await cache.GetAsync(id, null, ct) is not { Dashboard: var dashboard }) return Results.NotFound();
                // Statistics are not for shared caches; the numbers change with every answer.
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.Text(StudyReportJson.Serialize(dashboard.Report), "application/json", System.Text.Encoding.UTF8);
            });
        return endpoints;
    }
}
