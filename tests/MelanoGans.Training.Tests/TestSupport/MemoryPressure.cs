using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.TestSupport;

/// <summary>
/// Allocation and collection pressure on a thread of its own while a test trains: native tensors of changing sizes
/// filled with NaN and freed, managed garbage, and a full garbage collection (finalizers included) every few rounds.
/// </summary>
public sealed class MemoryPressure : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;

    public MemoryPressure()
    {
        thread = new Thread(Run) { IsBackground = true, Name = "memory pressure" };
        thread.Start();
    }

    private long rounds;

    /// <summary>Rounds done; a test can check the pressure was really there.</summary>
    public long Rounds => Interlocked.Read(ref rounds);

    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        stop.Dispose();
    }

    private void Run()
    {
        var random = new Random(3);
        while (!stop.IsCancellationRequested)
        {
            using (var scope = NewDisposeScope())
            {
                full([random.Next(64, 1 << 20)], float.NaN).add_(1);
                _ = new byte[random.Next(1, 1 << 16)];
            }

            if (Interlocked.Increment(ref rounds) % 16 == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            // Pressure, not a second trainer: the runs keep most of the two cores.
            Thread.Sleep(1);
        }
    }
}
