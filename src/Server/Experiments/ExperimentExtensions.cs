using MelanoGans.Client.Services;

namespace MelanoGans.Server.Experiments;

/// <summary>Experiments: stored results of <c>melanogans experiment</c> for the Experiments page.</summary>
public static class ExperimentExtensions
{
    public static WebApplicationBuilder AddStudioExperiments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IExperimentResults, ExperimentResults>();
        return builder;
    }
}
