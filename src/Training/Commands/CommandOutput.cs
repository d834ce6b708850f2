using System.CommandLine;
using System.Text.Json;

namespace MelanoGans.Training.Commands;

/// <summary>Shared behaviour of the commands: <c>--json</c>, and one-line reasons with a non-zero exit code.</summary>
internal static class CommandOutput
{
    public static Option<bool> JsonOption() => new("--json") { Description = "Print the result as one JSON object on stdout." };

    /// <summary>Runs <paramref name="body"/>; expected failures become "melanogans NAME: reason" and exit code 1.</summary>
    public static int Run(string name, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException
                                       or Checkpoints.CheckpointException or Export.ExportParityException or NotSupportedException)
        {
            Console.Error.WriteLine($"melanogans {name}: {e.Message}");
            return 1;
        }
    }

    private static readonly JsonSerializerOptions Compact = new(Loop.TrainOptions.Json) { WriteIndented = false };

    public static void Json(object value) => Console.WriteLine(JsonSerializer.Serialize(value, Compact));
}
