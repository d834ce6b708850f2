using System.CommandLine;
using MelanoGans.Training.Commands;

// The `melanogans` command line. Each command lives in Commands/ and owns its options.
var root = new RootCommand("MelanoGANs Studio command line: datasets, GAN training, export, workers, statistics.")
{
    PendingCommand.Create("phantom", "Render the procedural dermoscopy phantom dataset."),
    PendingCommand.Create("import-isic", "Import the ISIC 2017 archive (images + ground-truth CSV)."),
    TrainCommand.Create(),
    ResumeCommand.Create(),
    ExportCommand.Create(),
    SampleCommand.Create(),
    PendingCommand.Create("worker", "Connect to a server, claim training jobs and stream progress."),
    PendingCommand.Create("stats", "Rater statistics from an exported ratings table."),
    PendingCommand.Create("imagestats", "Colour-histogram distances between two image sets."),
    PendingCommand.Create("experiment", "Run the class-imbalance classification experiment."),
    PendingCommand.Create("bench", "Benchmarks of the project's hot paths."),
};
return root.Parse(args).Invoke();
