using MelanoGans.Shared.Contracts.Events;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Training;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Worker;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Experiments;

/// <summary>
/// Issue 8 from the browser's side, with nothing stood in: an admin queues an imbalance experiment, a real worker
/// (src/Training, in process) downloads the dataset and the chosen generator, trains every arm's classifiers with
/// TorchSharp, streams each finished one over the hub, and the server checks and stores results.json.
/// </summary>
public sealed class ExperimentJobTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    // 60 phantom images hold about 11 melanomas: enough for a test split and melanomas left after removing half.
    private readonly TrainingHost _host = new(realRegistry: true, phantomCount: 60);
    private readonly ConcurrentQueue<TrainingUpdate> _updates = new();

    public ValueTask InitializeAsync()
    {
        _host.Factory.Services.GetRequiredService<IStudioEvents>().Subscribe<TrainingUpdate>(_updates.Enqueue);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_experiment_runs_on_a_worker_streams_each_classifier_and_its_result_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await _host.CreateTokenAsync("worker");
        // One generator trained with the experiment's test split held out, one on every phantom melanoma.
        var model = await TrainMelanomaModelAsync(token, new HeldOutSplit(0.2, 0));
        var leaky = await TrainMelanomaModelAsync(token);
        Assert.Equal((new HeldOutSplit(0.2, 0), (HeldOutSplit?)null), (model.HeldOut, leaky.HeldOut));
        var datasetId = await _host.PhantomAsync();
        var options = Tiny() with { ModelIds = [model.Id, leaky.Id] };

        var jobId = await StartAsync(datasetId, options);
        var log = new StringWriter();
        Assert.Equal(1, await new TrainingWorker(_host.Worker(token, "worker", log: log)).RunAsync(Timeout()));

        await using var scope = _host.AsAdmin();
        var experiments = _host.Service<IExperimentResults>(scope);
        var job = Assert.Single(await experiments.JobsAsync(ct));
        Assert.True(job.State == TrainingJobState.Succeeded, $"{job.State}: {job.Message}\n{log}");
        Assert.Equal((jobId, "worker", "cpu"), (job.Id, job.Worker, job.Device));
        var arms = new[] { "full", "imbalanced", "weighted", "oversampled", "synthetic:" + model.Name, "synthetic:" + leaky.Name };
        Assert.Equal(arms.Length * 2 * 3, job.TotalSteps);
        Assert.Equal(job.TotalSteps, job.Step);

        // The stored result: every arm, seed and metric, named by the server's dataset and model, not worker paths.
        var result = await experiments.GetAsync(job.ExperimentResultId!.Value, ct);
        Assert.NotNull(result);
        Assert.Equal(arms, result.Arms.Select(a => a.Name));
        Assert.Equal([0L, 1], result.Seeds);
        Assert.StartsWith("Phantom", result.Dataset, StringComparison.Ordinal);
        Assert.Equal((32, 3, 0.5, "cpu"), (result.Resolution, result.Steps, result.RemoveFraction, result.Device));
        Assert.All(result.Arms, arm =>
        {
            Assert.Equal(2, arm.Runs.Count);
            Assert.All(result.MetricNames, m => Assert.All(arm.Runs, r => Assert.InRange(r.Metrics[m], 0, 1)));
        });
        var synthetic = result.Arms[^2];
        Assert.Equal($"model {model.Id} ({model.Name})", synthetic.Model);
        Assert.True(synthetic.SyntheticMelanoma > 0 && synthetic.TrainMelanoma < result.Arms[0].TrainMelanoma);
        // Only the generator that saw every melanoma is flagged in the stored result.
        Assert.Null(synthetic.Warning);
        Assert.Contains("it has seen this experiment's test melanomas", result.Arms[^1].Warning);
        var stored = Assert.Single(await experiments.ListAsync(ct));
        Assert.Equal((job.Title, 6, 2), (stored.Name, stored.ArmCount, stored.SeedCount));

        // The held-out generator's training folder holds none of the experiment's test images.
        var split = File.ReadAllLines(Directory.GetFiles(_host.RunsRoot, "split.csv", SearchOption.AllDirectories).Single()).Skip(1)
            .Select(l => l.Split(',')).ToList();
        var heldOutFolder = Directory.GetDirectories(_host.RunsRoot, "*.heldout-0.2-0", SearchOption.AllDirectories).Single();
        var seen = File.ReadAllLines(Path.Combine(heldOutFolder, "manifest.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.DoesNotContain(split.Where(r => r[2] == "test"), r => seen.Contains(r[0]));
        Assert.Equal(split.Count(r => r[2] == "train"), seen.Count);

        // Each classifier arrived live as it finished, and the page's history holds the same ones.
        var live = _updates.Where(u => u.Job.Id == jobId && u.ExperimentRun is not null).Select(u => u.ExperimentRun!).ToList();
        Assert.Equal(arms.SelectMany(a => new[] { (a, 0L), (a, 1L) }).Order(), live.Select(r => (r.Arm, r.Seed)).Order());
        Assert.Equal(live.Select(r => (r.Arm, r.Seed)), (await experiments.RunsAsync(jobId, ct)).Select(r => (r.Arm, r.Seed)));
        var steps = _updates.Where(u => u.Job.Id == jobId && u.Job.State == TrainingJobState.Running).Select(u => u.Job.Step).ToList();
        Assert.Equal(steps.Order(), steps);
        Assert.Contains(_updates, u => u.Job.Id == jobId && u.Job.State == TrainingJobState.Running && u.Job.Step > 0 && u.Job.Step < job.TotalSteps);

        // Experiments stay off the training page's list.
        Assert.DoesNotContain(await _host.Service<ITrainingJobs>(scope).ListAsync(ct), j => j.Id == jobId);

        // Deleting the result keeps the job, without its link.
        Assert.True((await experiments.DeleteAsync(stored.Id, ct)).Succeeded);
        Assert.Empty(await experiments.ListAsync(ct));
        Assert.Null(Assert.Single(await experiments.JobsAsync(ct)).ExperimentResultId);
        Assert.False((await experiments.DeleteAsync(stored.Id, ct)).Succeeded);
    }

    [Fact]
    public async Task Models_of_the_wrong_class_or_size_and_data_with_too_few_melanomas_are_refused_with_the_reason()
    {
        var datasetId = await _host.PhantomAsync();
        var demo = await ModelAsync(m => m.Origin == "demo");
        var melanoma32 = await TrainMelanomaModelAsync(await _host.CreateTokenAsync("worker"));

        var allClasses = await RefusedAsync(datasetId, Tiny() with { Resolution = 64, ModelIds = [demo.Id] });
        Assert.Contains($"model '{demo.Name}' was trained on all classes", allClasses);
        var wrongSize = await RefusedAsync(datasetId, Tiny() with { Resolution = 64, ModelIds = [melanoma32.Id] });
        Assert.Contains($"model '{melanoma32.Name}' makes 32x32 images but the experiment runs at 64x64", wrongSize);
        var tooFew = await RefusedAsync(datasetId, Tiny() with { RemoveFraction = 0.95 });
        Assert.Contains("too few melanomas left to train", tooFew);
        Assert.Contains("There is no model 999.", await RefusedAsync(datasetId, Tiny() with { ModelIds = [999] }));
        Assert.Contains("seeds must be from 1 to 100, got 0", await RefusedAsync(datasetId, Tiny() with { Seeds = 0 }));

        // The same generator at its own resolution is accepted; nothing refused was queued.
        await StartAsync(datasetId, Tiny() with { ModelIds = [melanoma32.Id] });
        await using var scope = _host.AsAdmin();
        Assert.Single(await _host.Service<IExperimentResults>(scope).JobsAsync(TestContext.Current.CancellationToken));

        await using var lead = ScopeAs.Create(_host.Factory.Services, "lead", Roles.Lead);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _host.Service<IExperimentResults>(lead).StartAsync(datasetId, Tiny(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_worker_token_opens_only_the_models_of_the_experiment_it_holds()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await _host.CreateTokenAsync("worker");
        var demo = await ModelAsync(m => m.Origin == "demo");
        var melanoma = await TrainMelanomaModelAsync(token);
        var jobId = await StartAsync(await _host.PhantomAsync(), Tiny() with { ModelIds = [melanoma.Id] });
        using var http = _host.WorkerHttp(token);

        // Before the claim the token holds nothing.
        var early = await http.GetAsync(TrainingHubContract.ExperimentModelRoute(jobId, melanoma.Id, GeneratorManifest.OnnxFileName), ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        await using var hub = _host.Connection(token);
        await hub.StartAsync(ct);
        var assignment = await hub.InvokeAsync<TrainingAssignment?>(TrainingHubContract.Claim, new WorkerHello("worker", "cpu"), ct);
        Assert.Equal(jobId, assignment?.JobId);
        Assert.Equal([new ExperimentModelRef(melanoma.Id, melanoma.Name)], assignment!.Models);

        var manifest = await http.GetStringAsync(TrainingHubContract.ExperimentModelRoute(jobId, melanoma.Id, GeneratorManifest.FileName), ct);
        Assert.Equal("melanoma", JsonSerializer.Deserialize<GeneratorManifest>(manifest)!.Class);
        var other = await http.GetAsync(TrainingHubContract.ExperimentModelRoute(jobId, demo.Id, GeneratorManifest.OnnxFileName), ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        // A results file that is not one fails the job with the reason.
        var refused = await http.PostAsync(TrainingHubContract.ExperimentResultRoute(jobId), new StringContent("{\"experiment\": \"imbalance\"}"), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        await using var scope = _host.AsAdmin();
        var job = Assert.Single(await _host.Service<IExperimentResults>(scope).JobsAsync(ct));
        Assert.Equal(TrainingJobState.Failed, job.State);
        Assert.Contains("The worker's results were refused", job.Message);
    }

    [Fact]
    public async Task Cancelling_a_running_experiment_stops_the_worker_and_keeps_no_result()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await _host.CreateTokenAsync("worker");
        var jobId = await StartAsync(await _host.PhantomAsync(), Tiny() with { Steps = 100_000 });
        var working = new TrainingWorker(_host.Worker(token, "worker")).RunAsync(Timeout());

        await Eventually.ReturnsAsync(
            () => Task.FromResult(_updates.Any(u => u.Job.Id == jobId && u.Job.Step > 0)), running => running, Patience, "a running experiment");
        await using (var scope = _host.AsAdmin())
        {
            Assert.True((await _host.Service<IExperimentResults>(scope).CancelAsync(jobId, ct)).Succeeded);
        }

        Assert.Equal(1, await working);
        await using var after = _host.AsAdmin();
        var experiments = _host.Service<IExperimentResults>(after);
        var job = Assert.Single(await experiments.JobsAsync(ct));
        Assert.Equal(TrainingJobState.Cancelled, job.State);
        Assert.Empty(await experiments.ListAsync(ct));
    }

    /// <summary>Two seeds of three steps at 32x32: every arm trains, in seconds.</summary>
    private static ExperimentJobOptions Tiny() => new()
    {
        Resolution = 32,
        Steps = 3,
        Seeds = 2,
        Batch = 4,
        Width = 4,
        RemoveFraction = 0.5,
    };

    private static CancellationToken Timeout()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(Patience);
        return source.Token;
    }

    private async Task<long> StartAsync(int datasetId, ExperimentJobOptions options)
    {
        await using var scope = _host.AsAdmin();
        var (result, id) = await _host.Service<IExperimentResults>(scope).StartAsync(datasetId, options);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return id!.Value;
    }

    private async Task<string> RefusedAsync(int datasetId, ExperimentJobOptions options)
    {
        await using var scope = _host.AsAdmin();
        var (result, id) = await _host.Service<IExperimentResults>(scope).StartAsync(datasetId, options);
        Assert.False(result.Succeeded);
        Assert.Null(id);
        return string.Join("\n", result.Errors);
    }

    /// <summary>A melanoma generator made as users make one: a training job on the phantom's melanomas, registered by the server.</summary>
    private async Task<ModelSummary> TrainMelanomaModelAsync(string token, HeldOutSplit? heldOut = null)
    {
        var jobId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 2) with { Class = "melanoma", Batch = 2, HeldOut = heldOut });
        Assert.Equal(1, await new TrainingWorker(_host.Worker(token, "worker")).RunAsync(Timeout()));
        return await ModelAsync(m => m.Origin == $"training job {jobId}");
    }

    private async Task<ModelSummary> ModelAsync(Func<ModelSummary, bool> which)
    {
        await using var scope = _host.AsAdmin();
        return await Eventually.ReturnsAsync(
            async () => (await _host.Service<IModelCatalog>(scope).ListAsync()).FirstOrDefault(which),
            m => m is not null, Patience, "the model") ?? throw new InvalidOperationException("unreachable");
    }
}
