using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;

namespace MelanoGans.Training.Tests.TestSupport;

/// <summary>Training options for tests: tiny data, one stats line per step.</summary>
public static class Runs
{
    public static TrainOptions Options(string dataset, GanArchitecture architecture, int resolution = 32, long maxSteps = 2) => new()
    {
        Architecture = architecture.ToName(),
        Resolution = resolution,
        Dataset = dataset,
        Batch = 4,
        Epochs = 100,
        MaxSteps = maxSteps,
        Seed = 11,
        TickEvery = 1,
        SnapshotEvery = 1000,
        Threads = 1,
    };

    /// <summary>Every architecture with the resolutions that test it: 32 (the pyramid is only the base) and 64 (one finer level).</summary>
    public static TheoryData<GanArchitecture, int> ArchitecturesAndResolutions() => new()
    {
        { GanArchitecture.Dcgan, 32 },
        { GanArchitecture.Lapgan, 32 },
        { GanArchitecture.DdganUpsample, 32 },
        { GanArchitecture.DdganDeconv, 32 },
        { GanArchitecture.Dcgan, 64 },
        { GanArchitecture.Lapgan, 64 },
        { GanArchitecture.DdganUpsample, 64 },
        { GanArchitecture.DdganDeconv, 64 },
    };
}
