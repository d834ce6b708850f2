using System.Reflection;
using MelanoGans.Training.Platform;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Platform;

public sealed class DelayedScalarFreesTests
{
    [Fact]
    public void A_disposed_scalar_is_freed_after_a_second_and_not_before()
    {
        Assert.True(DelayedScalarFrees.Installed, DelayedScalarFrees.NotInstalledReason);
        var scalar = 2.5.ToScalar();
        var handle = HandleOf(scalar);
        scalar.Dispose();
        Assert.True(DelayedScalarFrees.IsPending(handle), "a disposed Scalar was freed at once");

        // Freeing happens as later Scalars are disposed: each frees those that have waited a second.
        Thread.Sleep(500);
        1.5.ToScalar().Dispose();
        Assert.True(DelayedScalarFrees.IsPending(handle), "a disposed Scalar was freed after half a second");

        Thread.Sleep(600);
        // Up to 64 at a time, oldest first: Scalars of tests running alongside may be ahead of this one.
        for (var i = 0; i < 2000 && DelayedScalarFrees.IsPending(handle); i++) 1.5.ToScalar().Dispose();
        Assert.False(DelayedScalarFrees.IsPending(handle), "a disposed Scalar still waits after a second");
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

    private static IntPtr HandleOf(Scalar scalar) =>
        (IntPtr)typeof(Scalar).GetProperty("Handle", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(scalar)!;
}
