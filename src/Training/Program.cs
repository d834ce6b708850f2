using MelanoGans.Training.Commands;

// The `melanogans` command line (Commands/MelanoGansCommands.cs); parse errors and failures end as one line.
return CommandOutput.Invoke(MelanoGansCommands.Create().Parse(args));
