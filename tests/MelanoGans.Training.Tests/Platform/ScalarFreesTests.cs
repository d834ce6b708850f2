using System.Reflection;
using MelanoGans.Training.Platform;
using MelanoGans.Training.Tests.TestSupport;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Platform;

// Alone: another test's Scalar could take a freed one's address and make it look pending.
[Collection(NativeSettingsCollection.Name)]
public sealed class ScalarFreesTests
{
    [Fact]
    public void A_disposed_scalar_waits_until_its_thread_makes_another_however_long_that_takes()
    {
        Assert.True(ScalarFrees.Installed, ScalarFrees.NotInstalledReason);
        OnNewThread(() =>
        {
            var scalar = 2.5.ToScalar();
            var made = HandleOf(scalar);
            scalar.Dispose();
            Assert.True(ScalarFrees.IsPending(made), "a disposed Scalar was freed before its thread made another");

            // Another thread's Scalars and disposals do not free it: that thread may be inside a call that reads it.
            OnNewThread(() =>
            {
                1.5.ToScalar().Dispose();
                return 0;
            });
            Assert.True(ScalarFrees.IsPending(made), "another thread's Scalar freed this thread's");

            using var next = 3.5.ToScalar();
            Assert.False(ScalarFrees.IsPending(made), "the thread made another Scalar and the disposed one still waits");
            return made;
        });
    }

    [Fact]
    public void What_a_thread_disposed_last_is_freed_when_the_thread_exits()
    {
        Assert.True(ScalarFrees.Installed, ScalarFrees.NotInstalledReason);
        var handle = OnNewThread(() =>
        {
            var scalar = 2.5.ToScalar();
            var made = HandleOf(scalar);
            scalar.Dispose();
            Assert.True(ScalarFrees.IsPending(made));
            return made;
        });

        // Thread.Join returns when the managed thread is done; the native thread's exit handlers (which free it) may run
        // a moment later, so the test waits for the condition rather than reading it once (it failed once in CI).
        Assert.True(SpinWait.SpinUntil(() => !ScalarFrees.IsPending(handle), TimeSpan.FromSeconds(30)),
            "a thread's last disposed Scalar outlived the thread");
    }

    /// <summary>
    /// TorchSharp's own Adam makes seven implicit Scalars per parameter per step. With collections on a second thread it
    /// failed after 1.4, 1.6 and 3.1 s on this machine with Scalars freed at dispose (Scalar::toFloat on freed memory,
    /// the CI failure); with the library it steps for 10 s.
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

    /// <summary>Runs <paramref name="body"/> on a thread of its own and waits for it to exit.</summary>
    private static T OnNewThread<T>(Func<T> body)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException(failure.Message, failure);
    }

    private static IntPtr HandleOf(Scalar scalar) =>
        (IntPtr)typeof(Scalar).GetProperty("Handle", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(scalar)!;
}
