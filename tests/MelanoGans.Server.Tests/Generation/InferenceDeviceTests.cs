using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Client.Services;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace MelanoGans.Server.Tests.Generation;

/// <summary>Which execution provider generation uses, and the fall back to the CPU when CUDA is missing.</summary>
public sealed class InferenceDeviceTests : IAsyncDisposable
{
    private readonly StudioFactory _parent = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _parent.DisposeAsync();

    [Fact]
    public async Task Cuda_requested_where_it_cannot_load_falls_back_to_the_cpu_with_a_notice_and_still_generates()
    {
        var cuda = new MissingCuda();
        var services = Start("cuda", cuda);
        await using var scope = ScopeAs.Create(services, StudioFactory.AdminUserName, Roles.Admin);
        var catalog = scope.ServiceProvider.GetRequiredService<IModelCatalog>();

        var device = await catalog.DeviceAsync(Ct);

        Assert.Equal("cuda", device.Requested);
        Assert.Equal(OnnxSessionFactory.CpuDevice, device.Device);
        Assert.False(device.IsGpu);
        Assert.Contains("CUDA was requested but is not available", device.Notice);
        Assert.Contains(MissingCuda.Reason, device.Notice);

        var final = await GenerateAsync(services, catalog, 4);
        Assert.Equal(JobState.Succeeded, final.State);
        Assert.Equal(4, final.Done);
        var pool = Assert.Single(await catalog.PoolsAsync(null, Ct));
        Assert.EndsWith("on CPU", pool.Message);
        // Tried once, remembered: later sessions go straight to the CPU.
        Assert.Equal(1, cuda.Calls);
    }

    [Fact]
    public async Task Cuda_requested_with_the_real_provider_either_runs_on_cuda_or_says_why_not()
    {
        var services = Start("cuda", cuda: null);
        await using var scope = ScopeAs.Create(services, StudioFactory.AdminUserName, Roles.Admin);
        var catalog = scope.ServiceProvider.GetRequiredService<IModelCatalog>();

        var final = await GenerateAsync(services, catalog, 2);
        var device = await catalog.DeviceAsync(Ct);

        Assert.Equal(JobState.Succeeded, final.State);
        if (device.IsGpu) Assert.Null(device.Notice);
        else Assert.Contains("CUDA was requested but is not available", device.Notice);
        Assert.EndsWith($"on {device.Device}", Assert.Single(await catalog.PoolsAsync(null, Ct)).Message);
    }

    [Fact]
    public async Task Cpu_never_asks_for_cuda()
    {
        var cuda = new MissingCuda();
        var services = Start("cpu", cuda);
        await using var scope = ScopeAs.Create(services, StudioFactory.AdminUserName, Roles.Admin);
        var catalog = scope.ServiceProvider.GetRequiredService<IModelCatalog>();

        var device = await catalog.DeviceAsync(Ct);
        await GenerateAsync(services, catalog, 2);

        Assert.Equal(new InferenceDeviceInfo("cpu", OnnxSessionFactory.CpuDevice, null), device);
        Assert.Equal(0, cuda.Calls);
    }

    [Fact]
    public async Task Auto_falls_back_quietly()
    {
        var services = Start("auto", new MissingCuda());
        await using var scope = ScopeAs.Create(services, StudioFactory.AdminUserName, Roles.Admin);

        var device = await scope.ServiceProvider.GetRequiredService<IModelCatalog>().DeviceAsync(Ct);

        Assert.Equal(new InferenceDeviceInfo("auto", OnnxSessionFactory.CpuDevice, null), device);
    }

    private IServiceProvider Start(string device, ICudaProvider? cuda) =>
        _parent.WithWebHostBuilder(b =>
        {
            b.UseSetting("Studio:Inference:Device", device);
            if (cuda is not null) b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton(cuda)));
        }).Services;

    private static async Task<JobProgress> GenerateAsync(IServiceProvider services, IModelCatalog catalog, int count)
    {
        using var waiter = new ProgressWaiter(services.GetRequiredService<IStudioEvents>());
        var model = (await catalog.ListAsync(Ct)).Single();
        var (result, poolId) = await catalog.StartGenerationAsync(new GenerationRequest(model.Id, count, 0, null, null), Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return await waiter.FinishedAsync(GenerationJobIds.For(poolId!.Value), TimeSpan.FromSeconds(120));
    }

    /// <summary>A machine without the CUDA libraries: appending the provider throws (ORT's own exception type cannot be built here).</summary>
    private sealed class MissingCuda : ICudaProvider
    {
        public const string Reason = "libcudart.so.13: cannot open shared object file";

        private int _calls;

        public int Calls => _calls;

        public void Append(SessionOptions options, int deviceId)
        {
            Interlocked.Increment(ref _calls);
            throw new DllNotFoundException(Reason);
        }
    }
}
