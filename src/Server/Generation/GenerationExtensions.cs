using MelanoGans.Server.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MelanoGans.Server.Generation;

/// <summary>Generation with ONNX Runtime (CUDA or CPU): sessions, the job queue and its background runner.</summary>
public static class GenerationExtensions
{
    public static WebApplicationBuilder AddStudioGeneration(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ICudaProvider, OrtCudaProvider>();
        services.AddSingleton<OnnxSessionFactory>();
        services.AddSingleton<IPoolReader, PoolReader>();
        services.AddSingleton<InferenceSessionCache>();
        services.AddSingleton<GenerationJobQueue>();
        services.AddSingleton<GenerationJobs>();
        services.AddHostedService<GenerationJobRunner>();
        return builder;
    }
}
