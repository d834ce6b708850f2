using System.CommandLine;

namespace MelanoGans.Training.Commands;

/// <summary>The <c>melanogans</c> command tree: each command lives in its own file and owns its options.</summary>
internal static class MelanoGansCommands
{
    /// <summary>The root command with every command of docs/design.md's "Command line" that this build has.</summary>
    public static RootCommand Create() => new("MelanoGANs Studio command line: datasets, GAN training, export, workers, statistics.")
    {
        PhantomCommand.Create(),
        ImportIsicCommand.Create(),
        TrainCommand.Create(),
        ResumeCommand.Create(),
        ExportCommand.Create(),
        SampleCommand.Create(),
        WorkerCommand.Create(),
        StatsCommand.Create(),
        MrmcCommand.Create(),
        PowerCommand.Create(),
        ImageStatsCommand.Create(),
        ExperimentCommand.Create(),
        MetricsCommand.Create(),
        BenchCommand.Create(),
    };
}
