using MelanoGans.Shared.Contracts.Events;
using System.Diagnostics;
using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Models;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Generation;

/// <summary>
/// Throughput of the demo generator for docs/models.md; explicit (run with
/// <c>dotnet test tests/MelanoGans.Server.Tests -- --filter-class *GenerationThroughputTests --explicit on</c>).
/// </summary>
public sealed class GenerationThroughputTests
{
    [Fact(Explicit = true)]
    public async Task Demo_generator_throughput_on_this_machine()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new StudioFactory();
        await using var scope = ScopeAs.Create(factory.Services, StudioFactory.AdminUserName, Roles.Admin);
        var catalog = scope.ServiceProvider.GetRequiredService<IModelCatalog>();
        var model = (await catalog.ListAsync(ct)).Single();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var spec = factory.Services.GetRequiredService<ModelFiles>().SpecOf(await db.GeneratorModels.SingleAsync(m => m.Id == model.Id, ct));
        var generator = factory.Services.GetRequiredService<InferenceSessionCache>().Get(spec);
        var output = TestContext.Current.TestOutputHelper!;

        // Inference alone, batch 16, after a warm-up batch.
        generator.Run(Enumerable.Range(0, 16).Select(i => (long)i).ToArray(), null);
        var clock = Stopwatch.StartNew();
        const int batches = 20;
        for (var b = 0; b < batches; b++) generator.Run(Enumerable.Range(b * 16, 16).Select(i => (long)i).ToArray(), null);
        output.WriteLine($"inference only: {batches * 16 / clock.Elapsed.TotalSeconds:0} images/s at {model.Resolution}x{model.Resolution}, batch 16, {generator.Device}");

        // The whole job: inference, PNG, image store, one row per image.
        using var waiter = new ProgressWaiter(factory.Services.GetRequiredService<IStudioEvents>());
        clock.Restart();
        var (result, poolId) = await catalog.StartGenerationAsync(new GenerationRequest(model.Id, 1000, 0, null, null), ct);
        Assert.True(result.Succeeded);
        var final = await waiter.FinishedAsync(GenerationJobIds.For(poolId!.Value), TimeSpan.FromMinutes(10));
        Assert.Equal(1000, final.Done);
        output.WriteLine($"generation job: 1000 images in {clock.Elapsed.TotalSeconds:0.0} s; {final.Message}");
    }
}
