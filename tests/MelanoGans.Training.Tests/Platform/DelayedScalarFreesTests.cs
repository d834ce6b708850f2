using MelanoGans.Training.Platform;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Platform;

public sealed class DelayedScalarFreesTests
{
    [Fact]
    public void Scalars_are_freed_only_after_waiting_a_second()
    {
        Assert.True(DelayedScalarFrees.Installed, DelayedScalarFrees.NotInstalledReason);
        2.5.ToScalar().Dispose();
        var waiting = DelayedScalarFrees.Pending;
        Assert.True(waiting > 0, "a disposed Scalar was freed at once");

        Thread.Sleep(1100);
        // Freeing happens as later Scalars are disposed: the next one frees those that have waited.
        1.5.ToScalar().Dispose();
        Assert.True(DelayedScalarFrees.Pending < waiting + 1, $"{DelayedScalarFrees.Pending} still waiting of {waiting + 1}");
    }

    /// <summary>
    /// TorchSharp's own Adam makes seven implicit Scalars per parameter per step. With collections on a second thread it
    /// failed after 1.4, 1.6 and 3.1 s on this machine without the delay (Scalar::toFloat on freed memory, the CI
    /// failure); with it, it steps for 10 s.
    /// </summary>
    [Fact]
    public void TorchSharps_adam_survives_collections_on_another_thread()
    {
        var parameters = Enumerable.Range(0, 64).Select(_ => new Parameter(randn(8))).ToList();
        using var optimizer = optim.Adam(parameters, 1e-3);
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                using var scope = NewDisposeScope();
                foreach (var p in parameters) p.grad = ones(8);
                optimizer.step();
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        Assert.All(parameters, p => Assert.True(float.IsFinite(p.sum().item<float>())));
    }
}
