using System.Text.Json;
using System.Text.Json.Serialization;

namespace MelanoGans.Training.Commands;

/// <summary>Console conventions shared by commands: one-line failures on stderr, JSON on stdout.</summary>
internal static class CommandConsole
{
    /// <summary>snake_case, indented: what scripts and the server read from <c>--json</c>.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes "melanogans COMMAND: REASON" on stderr and returns exit code 1.</summary>
    public static int Fail(string command, string reason)
    {
        Console.Error.WriteLine($"melanogans {command}: {reason}");
        return 1;
    }

    /// <summary>Writes <paramref name="value"/> as JSON on stdout.</summary>
    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
