using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Platform;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Loop;

/// <summary>
/// Runs that died at random on two threads (a loss became infinite at step 2): every architecture at 64 px on two
/// torch threads, with NaN left in freed memory and allocation and collection pressure on another thread.
/// </summary>
[Collection(NativeSettingsCollection.Name)]
public sealed class TrainingStressTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string dataset;

    public TrainingStressTests() => dataset = TinyDataset.Create(temp.Sub("data"));

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Short_two_thread_runs_of_every_architecture_stay_finite_and_repeat_under_memory_pressure()
    {
        NativeRuntime.SetThreads(2);
        try
        {
            using var pressure = new MemoryPressure();
            var losses = new Dictionary<string, List<(double, double)>>();
            foreach (var architecture in Enum.GetValues<GanArchitecture>())
            {
                foreach (var seed in new[] { 1L, 2L })
                {
                    var name = $"{architecture.ToName()}-{seed}";
                    losses[name] = Train(architecture, seed, name);
                }
            }

            var again = Train(GanArchitecture.Lapgan, 1, "again");

            Assert.All(losses, run => Assert.True(run.Value.All(l => double.IsFinite(l.Item1) && double.IsFinite(l.Item2)), $"{run.Key}: {string.Join(" ", run.Value)}"));
            Assert.Equal(losses["lapgan-1"], again);
            Assert.True(pressure.Rounds > 0, "the pressure thread never ran");
        }
        finally
        {
            NativeRuntime.SetThreads(1);
        }
    }

    private List<(double LossD, double LossG)> Train(GanArchitecture architecture, long seed, string name)
    {
        HeapPoison.Fill();
        var options = Runs.Options(dataset, architecture, resolution: 64, maxSteps: 3) with { Seed = seed, Threads = 2 };
        using var trainer = Trainer.Start(options, temp.Path, TextWriter.Null, temp.Sub(name));
        return Enumerable.Range(0, 3).Select(_ => trainer.Step()).Select(l => (l.LossD, l.LossG)).ToList();
    }
}
