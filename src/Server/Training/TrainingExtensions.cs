using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Requeues jobs a previous server process left claimed or running (their workers' connections died with
    /// it), kept for their workers to resume, and forgets the connections it listed. Run on start before the server
    /// accepts connections, so a worker that connects at once is never mistaken for a dead one.
    /// </summary>
    public static async Task RequeueInterruptedTrainingAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StudioDbContext>().WorkerConnections.ExecuteDeleteAsync();
        await scope.ServiceProvider.GetRequiredService<TrainingCoordinator>().ReleaseAsync(null, "the server restarted");
    }
}
