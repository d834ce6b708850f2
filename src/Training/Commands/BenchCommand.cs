using System.CommandLine;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans bench</c>: benchmarks of the project's hot paths, one subcommand each. Results go to
/// docs/benchmarks.md together with the command that produced them.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks of the project's hot paths.");
        command.Subcommands.Add(BenchPhantomCommand.Create());
        command.Subcommands.Add(BenchStatsCommand.Create());
        command.Subcommands.Add(BenchHttpCommand.Create());
        command.Subcommands.Add(BenchGenerateCommand.Create());
        command.Subcommands.Add(BenchTrainCommand.Create());
        command.Subcommands.Add(BenchMetricsCommand.Create());
        return command;
    }
}
