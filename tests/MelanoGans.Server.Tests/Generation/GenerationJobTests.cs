using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Images;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Models;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Generation;

/// <summary>Generation jobs from the models page's service down to the image store, with the demo generator.</summary>
public sealed class GenerationJobTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly StudioFactory _factory = new();
    private AsyncServiceScope _scope;

    private IModelCatalog Catalog => _scope.ServiceProvider.GetRequiredService<IModelCatalog>();
    private IStudioEvents Events => _factory.Services.GetRequiredService<IStudioEvents>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _scope = ScopeAs.Create(_factory.Services, StudioFactory.AdminUserName, Roles.Admin);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task The_demo_generator_is_registered_on_first_start()
    {
        var demo = Assert.Single(await Catalog.ListAsync(Ct));

        Assert.Equal(DemoModelRegistration.Origin, demo.Origin);
        Assert.Equal(Models.DemoModelFiles.Manifest.Sha256, demo.Sha256);
        Assert.Equal(GeneratorValidator.SampleSeeds.Length, demo.SampleSha256s.Count);
    }

    [Fact]
    public async Task A_job_stores_the_requested_images_in_a_pool_of_its_model_and_progress_reaches_the_total()
    {
        var model = (await Catalog.ListAsync(Ct)).Single();
        const int count = 20; // more than one batch of 16

        var (pool, final, seen) = await GenerateAsync(new GenerationRequest(model.Id, count, 100, null, "first pool"));

        Assert.Equal(JobState.Succeeded, final.State);
        Assert.Equal(count, final.Done);
        Assert.Equal(count, final.Total);
        Assert.Contains(seen, p => p.State == JobState.Running && p.Done is > 0 and < count);
        var summary = Assert.Single(await Catalog.PoolsAsync(model.Id, Ct));
        Assert.Equal((pool, "first pool", count, JobState.Succeeded), (summary.Id, summary.Name, summary.ImageCount, summary.State));
        var page = await Catalog.PoolImagesAsync(pool, 0, 100, Ct);
        Assert.Equal(Enumerable.Range(100, count).Select(i => (long)i), page.Images.Select(i => i.Seed));
        var store = _factory.Services.GetRequiredService<ImageStore>();
        foreach (var image in page.Images)
        {
            var decoded = ImageCodec.Decode(await store.ReadAsync(image.Sha256, Ct));
            Assert.Equal((model.Resolution, model.Resolution), (decoded.Width, decoded.Height));
        }
        // Different seeds give different images.
        Assert.Equal(count, page.Images.Select(i => i.Sha256).Distinct().Count());
    }

    [Fact]
    public async Task A_recorded_seed_regenerates_the_same_png_bytes()
    {
        var model = (await Catalog.ListAsync(Ct)).Single();
        var (pool, _, _) = await GenerateAsync(new GenerationRequest(model.Id, 18, 5000, 1.5, null));
        var images = (await Catalog.PoolImagesAsync(pool, 0, 100, Ct)).Images;
        var generator = await SessionForAsync(model.Id);

        // Alone, and in a batch of other seeds in another order: the image depends on its seed only.
        var alone = PngRenderer.Render(generator, [images[7].Seed], 1.5).Single();
        var mixed = PngRenderer.Render(generator, [images[3].Seed, 1, images[7].Seed], 1.5);

        Assert.Equal(images[7].Sha256, ContentAddress.Sha256Hex(alone));
        Assert.Equal(images[7].Sha256, ContentAddress.Sha256Hex(mixed[2]));
        Assert.Equal(images[3].Sha256, ContentAddress.Sha256Hex(mixed[0]));
        // The truncation is part of the recipe: without it the same seed gives another image.
        Assert.NotEqual(images[7].Sha256, ContentAddress.Sha256Hex(PngRenderer.Render(generator, [images[7].Seed], null).Single()));
    }

    [Fact]
    public async Task Generation_is_deterministic_for_a_seed()
    {
        var model = (await Catalog.ListAsync(Ct)).Single();
        var (first, _, _) = await GenerateAsync(new GenerationRequest(model.Id, 6, 77, null, "run a"));
        var (second, _, _) = await GenerateAsync(new GenerationRequest(model.Id, 6, 77, null, "run b"));

        var a = (await Catalog.PoolImagesAsync(first, 0, 10, Ct)).Images.Select(i => i.Sha256);
        var b = (await Catalog.PoolImagesAsync(second, 0, 10, Ct)).Images.Select(i => i.Sha256);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_and_keeps_the_images_made_so_far()
    {
        var model = (await Catalog.ListAsync(Ct)).Single();
        using var waiter = new ProgressWaiter(Events);
        var (started, poolId) = await Catalog.StartGenerationAsync(new GenerationRequest(model.Id, GenerationJobs.MaxCount, 0, null, null), Ct);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        var jobId = GenerationJobIds.For(poolId!.Value);

        await waiter.StartedAsync(jobId, Patience);
        Assert.True((await Catalog.CancelGenerationAsync(poolId.Value, Ct)).Succeeded);
        var final = await waiter.FinishedAsync(jobId, Patience);

        Assert.Equal(JobState.Cancelled, final.State);
        Assert.InRange(final.Done, 1, GenerationJobs.MaxCount - 1);
        var pool = Assert.Single(await Catalog.PoolsAsync(model.Id, Ct));
        Assert.Equal(JobState.Cancelled, pool.State);
        Assert.Equal(final.Done, pool.ImageCount);
        Assert.Contains($"Cancelled after {final.Done} of {GenerationJobs.MaxCount}", pool.Message);
        // Nothing more arrives after the job has stopped: the runner takes pools one at a time, so once a pool queued
        // after it has finished, any image the cancelled one still had in hand would have been written.
        var (next, nextPool) = await Catalog.StartGenerationAsync(new GenerationRequest(model.Id, 1, 0, null, "after the cancel"), Ct);
        Assert.True(next.Succeeded, string.Join(" ", next.Errors));
        Assert.Equal(JobState.Succeeded, (await waiter.FinishedAsync(GenerationJobIds.For(nextPool!.Value), Patience)).State);
        Assert.Equal(final.Done, (await Catalog.PoolImagesAsync(pool.Id, 0, 1, Ct)).Total);
        Assert.False((await Catalog.CancelGenerationAsync(pool.Id, Ct)).Succeeded);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_reason()
    {
        var model = (await Catalog.ListAsync(Ct)).Single();

        Assert.Contains("1 to", await ErrorOf(new GenerationRequest(model.Id, 0, 0, null, null)));
        Assert.Contains("Truncation", await ErrorOf(new GenerationRequest(model.Id, 4, 0, 0.01, null)));
        Assert.Contains("not registered", await ErrorOf(new GenerationRequest(model.Id + 100, 4, 0, null, null)));
        await GenerateAsync(new GenerationRequest(model.Id, 1, 0, null, "taken"));
        Assert.Contains("already exists", await ErrorOf(new GenerationRequest(model.Id, 4, 0, null, "taken")));
    }

    [Fact]
    public async Task Only_admins_may_use_the_models_service()
    {
        await using var lead = ScopeAs.Create(_factory.Services, "lead", Roles.Lead);
        var catalog = lead.ServiceProvider.GetRequiredService<IModelCatalog>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.ListAsync(Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.StartGenerationAsync(new GenerationRequest(1, 1, 0, null, null), Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => catalog.UploadAsync([], [], Ct));
    }

    private async Task<string> ErrorOf(GenerationRequest request)
    {
        var (result, poolId) = await Catalog.StartGenerationAsync(request, Ct);
        Assert.False(result.Succeeded);
        Assert.Null(poolId);
        return string.Join(" ", result.Errors);
    }

    private async Task<(int PoolId, JobProgress Final, IReadOnlyList<JobProgress> Seen)> GenerateAsync(GenerationRequest request)
    {
        using var waiter = new ProgressWaiter(Events);
        var (result, id) = await Catalog.StartGenerationAsync(request, Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var jobId = GenerationJobIds.For(id!.Value);
        var final = await waiter.FinishedAsync(jobId, Patience);
        Assert.Equal(JobState.Succeeded, final.State);
        return (id.Value, final, waiter.Of(jobId));
    }

    private async Task<GeneratorSession> SessionForAsync(int modelId)
    {
        var db = _scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var model = await db.GeneratorModels.SingleAsync(m => m.Id == modelId, Ct);
        var spec = _factory.Services.GetRequiredService<ModelFiles>().SpecOf(model);
        return _factory.Services.GetRequiredService<InferenceSessionCache>().Get(spec);
    }
}
