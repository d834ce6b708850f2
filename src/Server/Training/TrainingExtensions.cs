using MelanoGans.Client.Services;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Training;

/// <summary>Training runs, one kind of worker job: what it adds to the life cycle, its reports and the training pages' service.</summary>
public static class TrainingExtensions
{
    public static WebApplicationBuilder AddStudioTraining(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IWorkerJobHandler, TrainingJobHandler>();
        services.AddScoped<TrainingJobReports>();
        services.AddScoped<IJobProgressHandler<TrainingTick>>(sp => sp.GetRequiredService<TrainingJobReports>());
        services.AddScoped<ITrainingJobs, TrainingJobs>();
        return builder;
    }
}
