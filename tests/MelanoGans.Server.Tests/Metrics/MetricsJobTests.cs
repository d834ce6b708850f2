using MelanoGans.Shared.Contracts.Events;
using System.Collections.Concurrent;
using MelanoGans.Client.Services;
using MelanoGans.Server.Images;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Training;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Metrics;

/// <summary>
/// Generator metrics on the job system with nothing stood in: an admin (or a model's registration) queues a metrics job,
/// a real worker (src/Training, in process) downloads the model and the dataset, runs the ResNet-18 through ONNX
/// Runtime, and the server stores the figures and the gallery on the model.
/// </summary>
public sealed class MetricsJobTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly TrainingHost _host = new(realRegistry: true, settings: new Dictionary<string, string> { ["Studio:Metrics:OnRegister"] = "true" });
    private readonly ConcurrentQueue<TrainingUpdate> _updates = new();
    private readonly ConcurrentQueue<JobProgress> _progress = new();

    public ValueTask InitializeAsync()
    {
        var events = _host.Factory.Services.GetRequiredService<IStudioEvents>();
        events.Subscribe<TrainingUpdate>(_updates.Enqueue);
        events.Subscribe<JobProgress>(_progress.Enqueue);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_demo_generator_is_measured_on_a_worker_and_its_figures_and_gallery_are_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await _host.CreateTokenAsync("worker");
        await _host.PhantomAsync();
        var demo = await ModelAsync(m => m.Origin == "demo");
        await using var admin = _host.AsAdmin();
        var metrics = _host.Service<IModelMetrics>(admin);
        Assert.Empty(await metrics.JobsAsync(ct)); // the demo registered at start is not measured by itself

        var (started, jobId) = await metrics.StartAsync(demo.Id, ct: ct);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        var log = new StringWriter();
        Assert.Equal(1, await new TrainingWorker(_host.Worker(token, "worker", log: log)).RunAsync(Timeout()));

        var job = Assert.Single(await metrics.JobsAsync(ct));
        Assert.True(job.State == TrainingJobState.Succeeded, $"{job.State}: {job.Message}\n{log}");
        Assert.Equal((jobId, "Metrics 1", 2L * StudioFactory.PhantomCount), (job.Id, job.Label, job.TotalSteps));
        var stored = Assert.Single(await metrics.LatestAsync(ct));
        Assert.Equal((demo.Id, demo.Name, "resnet18", jobId), (stored.ModelId, stored.ModelName, stored.Extractor, stored.JobId));
        Assert.Equal((StudioFactory.PhantomCount, StudioFactory.PhantomCount), (stored.RealCount, stored.FakeCount));
        Assert.StartsWith("Phantom", stored.Dataset, StringComparison.Ordinal);
        Assert.True(stored.Fd > 0 && stored.SmallSample);
        Assert.All(new[] { stored.Precision, stored.Recall, stored.Coverage, stored.MemorisationShare }, v => Assert.InRange(v, 0, 1));
        Assert.Equal(Math.Min(MetricsUpload.GalleryPairs, StudioFactory.PhantomCount), stored.Closest.Count);
        var images = _host.Factory.Services.GetRequiredService<ImageStore>();
        Assert.All(stored.Closest, p => Assert.True(images.Contains(p.GeneratedSha256) && images.Contains(p.TrainSha256)));
        Assert.Equal(stored.Closest.OrderBy(p => p.CosineDistance).Select(p => p.CosineDistance), stored.Closest.Select(p => p.CosineDistance));

        // Progress streamed while the features were computed, in order.
        var steps = _updates.Where(u => u.Job.Id == jobId && u.Job.State == TrainingJobState.Running).Select(u => u.Job.Step).ToList();
        Assert.Contains(steps, s => s > 0 && s < job.TotalSteps);
        Assert.Equal(steps.Order(), steps);
        // The app's progress bars call it what it is (it was labelled "training").
        Assert.Equal(["metrics"], _progress.Where(p => p.JobId == $"training:{jobId}").Select(p => p.Kind).Distinct().ToList());

        // A lead reads the figures beside a study's verdict; a rater cannot.
        await using var lead = ScopeAs.Create(_host.Factory.Services, "lead", Roles.Lead);
        Assert.Equal(stored.Fd, Assert.Single(await _host.Service<IModelMetrics>(lead).LatestAsync(ct)).Fd);
        Assert.DoesNotContain(await _host.Service<ITrainingJobs>(admin).ListAsync(ct), j => j.Id == jobId);
    }

    [Fact]
    public async Task Two_admins_starting_the_same_model_at_once_queue_one_job_and_the_other_is_told()
    {
        var ct = TestContext.Current.CancellationToken;
        await _host.PhantomAsync();
        var demo = await ModelAsync(m => m.Origin == "demo");
        await using var first = _host.AsAdmin();
        await using var second = ScopeAs.Create(_host.Factory.Services, "admin2", Roles.Admin);

        var results = await Task.WhenAll(
            _host.Service<IModelMetrics>(first).StartAsync(demo.Id, ct: ct),
            _host.Service<IModelMetrics>(second).StartAsync(demo.Id, ct: ct));

        Assert.Single(results, r => r.Result.Succeeded);
        var refused = Assert.Single(results, r => !r.Result.Succeeded);
        Assert.Equal($"{demo.Name} is being measured already (Metrics 1).", Assert.Single(refused.Result.Errors));
        Assert.Single(await _host.Service<IModelMetrics>(first).JobsAsync(ct));
        var unknown = await _host.Service<IModelMetrics>(first).StartAsync(9999, ct: ct);
        Assert.Equal("There is no model 9999.", Assert.Single(unknown.Result.Errors));
    }

    [Fact]
    public async Task A_model_a_training_job_registers_is_queued_for_metrics_against_its_training_data()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await _host.CreateTokenAsync("worker");
        var trainingId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 2));
        Assert.Equal(1, await new TrainingWorker(_host.Worker(token, "worker")).RunAsync(Timeout()));
        var model = await ModelAsync(m => m.Origin == $"training job {trainingId}");

        await using var admin = _host.AsAdmin();
        var metrics = _host.Service<IModelMetrics>(admin);
        var job = await Eventually.ReturnsAsync(
            async () => (await metrics.JobsAsync(ct)).SingleOrDefault(), j => j is not null, Patience, "the metrics job") ?? throw new InvalidOperationException();
        Assert.Equal(model.Id, job.Options.Metrics?.ModelId);
        Assert.Equal($"Metrics of {model.Name} against {model.Dataset}", job.Title);

        Assert.Equal(1, await new TrainingWorker(_host.Worker(token, "worker")).RunAsync(Timeout()));
        Assert.Equal(model.Id, Assert.Single(await metrics.LatestAsync(ct)).ModelId);

        // The model keeps its training dataset's id: renamed since, the dataset is still the one metrics compare with
        // (found by the manifest's name, it was "No dataset is named ...").
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MelanoGans.Server.Data.StudioDbContext>();
            var trainedOn = (await db.WorkerJobs.FindAsync([trainingId], ct))!.DatasetId;
            var dataset = (await db.Datasets.FindAsync([trainedOn], ct))!;
            dataset.Name = "Renamed since the run";
            await db.SaveChangesAsync(ct);
        }
        var (again, againId) = await metrics.StartAsync(model.Id, ct: ct);
        Assert.True(again.Succeeded, string.Join(" ", again.Errors));
        Assert.Equal($"Metrics of {model.Name} against Renamed since the run", (await metrics.JobsAsync(ct)).Single(j => j.Id == againId).Title);
    }

    private static CancellationToken Timeout()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(Patience);
        return source.Token;
    }

    private async Task<ModelSummary> ModelAsync(Func<ModelSummary, bool> which)
    {
        await using var scope = _host.AsAdmin();
        return await Eventually.ReturnsAsync(
            async () => (await _host.Service<IModelCatalog>(scope).ListAsync()).FirstOrDefault(which),
            m => m is not null, Patience, "the model") ?? throw new InvalidOperationException("unreachable");
    }
}
