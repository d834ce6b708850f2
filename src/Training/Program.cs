using System.CommandLine;
using MelanoGans.Training.Commands;

// The `melanogans` command line. Each command lives in Commands/ and owns its options.
var root = new RootCommand("MelanoGANs Studio command line: datasets, GAN training, export, workers, statistics.")
{
    PhantomCommand.Create(),
    ImportIsicCommand.Create(),
    TrainCommand.Create(),
    ResumeCommand.Create(),
    ExportCommand.Create(),
    SampleCommand.Create(),
    PendingCommand.Create("worker", "Connect to a server, claim training jobs and stream progress."),
    StatsCommand.Create(),
    ImageStatsCommand.Create(),
    ExperimentCommand.Create(),
    BenchCommand.Create(),
};
return root.Parse(args).Invoke();
