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
    WorkerCommand.Create(),
    StatsCommand.Create(),
    ImageStatsCommand.Create(),
    ExperimentCommand.Create(),
    BenchCommand.Create(),
};
return root.Parse(args).Invoke();
