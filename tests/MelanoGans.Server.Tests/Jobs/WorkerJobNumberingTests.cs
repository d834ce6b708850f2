using MelanoGans.Client.Services;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Training;
using MelanoGans.Server.Tests.Training;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Jobs;

/// <summary>Jobs are numbered per kind as people name them, also when admins queue them at the same moment.</summary>
public sealed class WorkerJobNumberingTests : IAsyncLifetime
{
    private readonly TrainingHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Training_runs_and_experiments_count_separately_and_racing_enqueues_get_distinct_numbers()
    {
        var datasetId = await _host.PhantomAsync();
        var training = new TrainingJobOptions { DatasetId = datasetId, Resolution = 32, Batch = 4 };
        var experiment = new TrainingJobOptions { DatasetId = datasetId, Resolution = 32, Experiment = new ExperimentJobOptions() };

        await EnqueueAsync(training);
        await EnqueueAsync(experiment);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => EnqueueAsync(training))));
        await EnqueueAsync(experiment);

        await using var admin = _host.AsAdmin();
        var runs = await _host.Service<ITrainingJobs>(admin).ListAsync(TestContext.Current.CancellationToken);
        var experiments = await _host.Service<IExperimentResults>(admin).JobsAsync(TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3, 4, 5], runs.Select(j => j.Number).Order());
        Assert.All(runs, j => Assert.Equal((WorkerJobKind.Training, $"Run {j.Number}"), (j.Kind, j.Label)));
        Assert.Equal(["Experiment 1", "Experiment 2"], experiments.Select(j => j.Label).Order());
    }

    private async Task<long> EnqueueAsync(TrainingJobOptions options)
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobCoordinator>().EnqueueAsync(options, "numbered", "admin", TestContext.Current.CancellationToken);
    }
}
