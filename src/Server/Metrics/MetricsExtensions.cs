using MelanoGans.Client.Services;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Metrics;

/// <summary>Generator metrics: metrics jobs on the worker job system, their results stored per model.</summary>
public static class MetricsExtensions
{
    public static WebApplicationBuilder AddStudioMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.AddScoped<IModelMetrics, ModelMetricsService>();
        builder.Services.AddScoped<MetricsJobReports>();
        builder.Services.AddScoped<IJobProgressHandler<MetricsProgress>>(sp => sp.GetRequiredService<MetricsJobReports>());
        builder.Services.AddSingleton<IWorkerJobHandler, MetricsJobHandler>();
        builder.Services.AddHostedService<MetricsOnRegister>();
        return builder;
    }
}
