using MelanoGans.Client.Services;
using MelanoGans.Server.Images;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using MelanoGans.Training.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Training;

/// <summary>
/// Issue 5's end-to-end acceptance with nothing stood in: a real worker trains a queued 32x32 job, the
/// server's own registry validates and registers the uploaded generator, and a generation job makes
/// images from it into the image store.
/// </summary>
public sealed class TrainThenGenerateTests : IAsyncDisposable
{
    private readonly TrainingHost _host = new(realRegistry: true);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_trained_model_is_validated_registered_and_generates_images()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = await _host.CreateTokenAsync("worker");
        var jobId = await _host.StartJobAsync(await _host.SmallOptionsAsync(maxSteps: 6));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await new TrainingWorker(_host.Worker(token, "worker")).RunAsync(timeout.Token));

        var job = (await _host.JobAsync(jobId)).Job;
        Assert.True(job.State == TrainingJobState.Succeeded, $"{job.State}: {job.Message}");
        await using var scope = _host.AsAdmin();
        var models = _host.Service<IModelCatalog>(scope);
        var model = Assert.Single(await models.ListAsync(ct), m => m.Origin == $"training job {jobId}");
        Assert.Equal((job.ModelId, "dcgan", 32, 6L), ((int?)model.Id, model.Architecture, model.Resolution, model.Step));

        var (started, poolId) = await models.StartGenerationAsync(new GenerationRequest(model.Id, 8, 42, null, null), ct);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        var pool = await Infrastructure.Eventually.ReturnsAsync(
            async () => (await models.PoolsAsync(model.Id, ct)).Single(p => p.Id == poolId),
            p => p.State is JobState.Succeeded or JobState.Failed, TimeSpan.FromMinutes(2), "the generation job");

        Assert.Equal((JobState.Succeeded, 8), (pool.State, pool.ImageCount));
        var images = await models.PoolImagesAsync(pool.Id, 0, 8, ct);
        var store = _host.Factory.Services.GetRequiredService<ImageStore>();
        var first = ImageCodec.DecodeFile(store.PathOf(images.Images[0].Sha256));
        Assert.Equal((32, 32), (first.Width, first.Height));
    }
}
