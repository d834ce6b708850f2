using MelanoGans.Server.Data;
using MelanoGans.Server.Events;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Metrics;

/// <summary>
/// Queues a metrics job for every model registered by an upload or a training job (<see cref="MetricsOptions.OnRegister"/>):
/// on the instance that registered it only, so several instances queue one job, not one each.
/// </summary>
internal sealed class MetricsOnRegister(
    ILocalStudioEvents events, IServiceScopeFactory scopes, IOptions<MetricsOptions> options, ILogger<MetricsOnRegister> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.OnRegister) subscription = events.SubscribeLocal<ModelRegistered>(e => _ = QueueAsync(e));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task QueueAsync(ModelRegistered e)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var origin = (await scope.ServiceProvider.GetRequiredService<IModelReader>().FindAsync(e.ModelId))?.Origin;
            if (origin is null || origin == DemoModelRegistration.Origin) return;
            var service = ActivatorUtilities.CreateInstance<ModelMetricsService>(scope.ServiceProvider);
            var (result, jobId) = await service.StartForAsync(e.ModelId, null, null, CancellationToken.None);
            if (result.Succeeded) logger.LogInformation("Metrics job {JobId} queued for the new model {Model}", jobId, e.Name);
            else logger.LogInformation("No metrics job for the new model {Model}: {Reason}", e.Name, string.Join(" ", result.Errors));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not queue a metrics job for the new model {Model}", e.Name);
        }
    }
}
