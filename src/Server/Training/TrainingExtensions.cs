using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using Microsoft.AspNetCore.Authentication;

namespace MelanoGans.Server.Training;

/// <summary>Training: jobs, the workers' hub and routes, worker tokens and the local worker.</summary>
public static class TrainingExtensions
{
    public static WebApplicationBuilder AddStudioTraining(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, WorkerTokenAuthenticationHandler>(WorkerTokenAuthentication.Scheme, null);
        // Ticks are small; the limit only has to fit a TrainingAssignment with generous options.
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        services.AddSingleton<WorkerConnections>();
        services.AddSingleton<TrainingNotifier>();
        services.AddScoped<TrainingCoordinator>();
        services.AddSingleton<IWorkerJobHandler, TrainingJobHandler>();
        services.AddScoped<DatasetZipWriter>();
        services.AddScoped<ITrainingJobs, TrainingJobs>();
        services.AddScoped<IWorkerAdministration, WorkerAdministration>();
        services.AddHostedService<TrainingSupervisor>();
        services.AddSingleton<IInstanceHoldings, TrainingHoldings>();
        return builder;
    }
}
