using System.CommandLine;

namespace MelanoGans.Training.Commands;

/// <summary>A command that is part of the contract but not built yet: it says so and exits with 2.</summary>
internal static class PendingCommand
{
    public static Command Create(string name, string description)
    {
        var command = new Command(name, description + " (not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine($"melanogans {name}: this command is not available in this version yet.");
            return 2;
        });
        return command;
    }
}
