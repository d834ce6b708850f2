using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Jobs;

/// <summary>The progress bus every long job (imports, generation, training, experiments) publishes to.</summary>
public static class JobsExtensions
{
    public static WebApplicationBuilder AddStudioJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<JobProgressNotifier>();
        builder.Services.AddSingleton<IJobProgressFeed>(sp => sp.GetRequiredService<JobProgressNotifier>());
        return builder;
    }
}
