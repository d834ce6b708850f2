using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Training;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Tests.Jobs;

/// <summary>Each page lists and cancels only its own kind of worker job; a job of another kind is unknown there.</summary>
public sealed class CancelByKindTests : IAsyncLifetime
{
    private readonly TrainingHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_training_job_is_unknown_to_the_experiments_and_metrics_pages_and_cancelled_from_its_own()
    {
        var jobId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 6));
        await using var scope = _host.AsAdmin();
        var ct = TestContext.Current.CancellationToken;

        var asExperiment = await _host.Service<IExperimentResults>(scope).CancelAsync(jobId, ct);
        var asMetrics = await _host.Service<IModelMetrics>(scope).CancelAsync(jobId, ct);
        Assert.Equal(["No such experiment."], asExperiment.Errors);
        Assert.Equal(["No such metrics job."], asMetrics.Errors);
        Assert.Equal(TrainingJobState.Queued, (await _host.JobAsync(jobId)).Job.State);
        Assert.Empty(await _host.Service<IExperimentResults>(scope).JobsAsync(ct));
        Assert.Empty(await _host.Service<IModelMetrics>(scope).JobsAsync(ct));
        Assert.Equal([jobId], (await _host.Service<ITrainingJobs>(scope).ListAsync(ct)).Select(j => j.Id));

        Assert.True((await _host.Service<ITrainingJobs>(scope).CancelAsync(jobId, ct)).Succeeded);
        Assert.Equal(TrainingJobState.Cancelled, (await _host.JobAsync(jobId)).Job.State);
    }
}
