using MelanoGans.Client.Services;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Experiments;

/// <summary>
/// Experiments: results of <c>melanogans experiment</c> for the Experiments page, uploaded by admins or by the
/// workers that run experiment jobs (queued and claimed like training jobs).
/// </summary>
public static class ExperimentExtensions
{
    public static WebApplicationBuilder AddStudioExperiments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IExperimentResults, ExperimentResults>();
        builder.Services.AddScoped<ExperimentJobReports>();
        builder.Services.AddScoped<IJobProgressHandler<ExperimentProgress>>(sp => sp.GetRequiredService<ExperimentJobReports>());
        builder.Services.AddSingleton<IWorkerJobHandler, ExperimentJobHandler>();
        return builder;
    }
}
