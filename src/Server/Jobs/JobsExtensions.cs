using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.AspNetCore.Authentication;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// Worker jobs: the life cycle every kind shares (queue, claim, progress, cancel, requeue, finish), with the workers' hub, their tokens
/// and the local worker. A kind (training, experiments, metrics) adds its handler and its reports.
/// </summary>
public static class JobsExtensions
{
    public static WebApplicationBuilder AddStudioJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, WorkerTokenAuthenticationHandler>(WorkerTokenAuthentication.Scheme, null);
        // Ticks are small; the limit only has to fit a TrainingAssignment with generous options.
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        services.AddSingleton<WorkerConnections>();
        services.AddSingleton<WorkerJobNotifier>();
        services.AddScoped<JobCoordinator>();
        services.AddSingleton<IJobReader, JobReader>();
        services.AddScoped<IWorkerAdministration, WorkerAdministration>();
        services.AddHostedService<LocalWorkerSupervisor>();
        services.AddSingleton<IInstanceHoldings, WorkerHoldings>();
        return builder;
    }
}
