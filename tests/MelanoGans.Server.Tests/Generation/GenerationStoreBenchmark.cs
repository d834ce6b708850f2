using MelanoGans.Shared.Contracts.Events;
using System.Diagnostics;
using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Models;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Generation;

/// <summary>
/// The store benchmark for docs/benchmarks.md ("Generation"): a generation job of 1000 images through the
/// server's real path (LatentSampler, ONNX Runtime, PNG, image store, SQLite rows) with a generator the trainer
/// exported (the server never references the trainer, so the model comes as files). Explicit and not timed: it
/// prints the figures and asserts only that the job stored every image. Run:
/// <code>
/// dotnet src/Training/bin/Release/net10.0/linux-x64/melanogans.dll bench generate --export /tmp/dcgan256
/// MELANOGANS_BENCH_GENERATOR=/tmp/dcgan256 dotnet test tests/MelanoGans.Server.Tests -c Release -- --filter-class *GenerationStoreBenchmark --explicit on
/// </code>
/// </summary>
public sealed class GenerationStoreBenchmark
{
    /// <summary>Folder holding generator.onnx and generator.json.</summary>
    public const string GeneratorVariable = "MELANOGANS_BENCH_GENERATOR";

    /// <summary>Images of the job (the issue: 1000).</summary>
    public const string CountVariable = "MELANOGANS_BENCH_COUNT";

    [Fact(Explicit = true)]
    public async Task Generation_job_into_the_store()
    {
        var folder = Environment.GetEnvironmentVariable(GeneratorVariable);
        if (string.IsNullOrEmpty(folder)) Assert.Skip($"Set {GeneratorVariable} to a folder with generator.onnx and generator.json.");
        var count = int.TryParse(Environment.GetEnvironmentVariable(CountVariable), out var n) ? n : 1000;
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;

        await using var factory = new StudioFactory(new Dictionary<string, string> { ["Studio:Models:RegisterDemo"] = "false" });
        var registry = factory.Services.GetRequiredService<IModelRegistry>();
        var registration = await registry.RegisterAsync(
            await File.ReadAllBytesAsync(Path.Combine(folder, GeneratorManifest.OnnxFileName), ct),
            await File.ReadAllBytesAsync(Path.Combine(folder, GeneratorManifest.FileName), ct),
            "benchmark", ct: ct);
        Assert.True(registration.Succeeded, string.Join(" ", registration.Errors));

        await using var scope = ScopeAs.Create(factory.Services, StudioFactory.AdminUserName, Roles.Admin);
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        var model = await db.GeneratorModels.SingleAsync(m => m.Id == registration.ModelId, ct);
        var spec = factory.Services.GetRequiredService<ModelFiles>().SpecOf(model);
        var generator = factory.Services.GetRequiredService<InferenceSessionCache>().Get(spec);
        var batch = Enumerable.Range(0, 16).Select(i => 1_000_000L + i).ToArray();

        // Where the time goes, one batch of 16 after a warm-up batch: inference, then PNG encoding of its images.
        generator.Run(batch, null);
        var clock = Stopwatch.StartNew();
        var values = generator.Run(batch, null);
        var inference = clock.Elapsed.TotalSeconds;
        clock.Restart();
        long bytes = 0;
        for (var i = 0; i < batch.Length; i++)
            bytes += ImageCodec.EncodePng(ImagePixels.FromPlanar(values.AsSpan(i * spec.ImageSize, spec.ImageSize), spec.Resolution)).Length;
        var encode = clock.Elapsed.TotalSeconds;
        clock.Restart();
        Parallel.For(0, batch.Length, i =>
            ImageCodec.EncodePng(ImagePixels.FromPlanar(values.AsSpan(i * spec.ImageSize, spec.ImageSize), spec.Resolution)));
        var parallelEncode = clock.Elapsed.TotalSeconds;
        output.WriteLine(FormattableString.Invariant(
            $"batch of 16 at {spec.Resolution}x{spec.Resolution} on {generator.Device}: inference {inference:0.000} s, PNG encode one thread {encode:0.000} s, all cores {parallelEncode:0.000} s, mean PNG {bytes / batch.Length} bytes; load average {LoadAverage()}"));

        // The whole job as an admin starts it: inference, PNG, image store, one row per image.
        var catalog = scope.ServiceProvider.GetRequiredService<IModelCatalog>();
        using var waiter = new ProgressWaiter(factory.Services.GetRequiredService<IStudioEvents>());
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var (result, poolId) = await catalog.StartGenerationAsync(new GenerationRequest(model.Id, count, 0, null, null), ct);
        Assert.True(result.Succeeded);
        var final = await waiter.FinishedAsync(GenerationJobIds.For(poolId!.Value), TimeSpan.FromMinutes(60));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Assert.Equal(JobState.Succeeded, final.State);
        Assert.Equal(count, await db.GeneratedImages.CountAsync(i => i.PoolId == poolId, ct));
        output.WriteLine(FormattableString.Invariant(
            $"generation job: {count} images at {spec.Resolution}x{spec.Resolution} in {seconds:0.0} s ({count / seconds:0.0} images/s), process CPU {cpu:0.0} s ({cpu / seconds:0.00} cores), load average {LoadAverage()}; {final.Message}"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
