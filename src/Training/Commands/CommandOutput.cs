using System.CommandLine;
using System.CommandLine.Invocation;
using System.Net.Http;
using System.Text.Json;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Training.Commands;

/// <summary>
/// The one output convention of the commands (docs/design.md, "Command line"): results on the invocation's output, with
/// <c>--json</c> as one JSON document in one style (snake_case keys, indented, nulls written, dictionary keys as
/// they are: the style of <see cref="StudyReportJson"/>, so <c>stats --json</c> and the dashboard's export are the
/// same bytes); bad input as the single line "melanogans COMMAND: reason" on the error writer and exit code 1.
/// </summary>
internal static class CommandOutput
{
    /// <summary>The serialiser settings of every <c>--json</c>.</summary>
    public static JsonSerializerOptions JsonOptions => StudyReportJson.Options;

    /// <summary>The <c>--json</c> flag every reporting command has.</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print the result as JSON (snake_case keys) on stdout." };

    /// <summary>
    /// Invokes the parsed command line; a parse error (unknown option, missing or refused value) becomes one line,
    /// not the parser's list of errors followed by the help.
    /// </summary>
    public static int Invoke(ParseResult parse, InvocationConfiguration? configuration = null)
    {
        if (parse.Action is ParseErrorAction && parse.Errors.Count > 0)
        {
            var error = configuration?.Error ?? Console.Error;
            var more = parse.Errors.Count > 1 ? $" (and {parse.Errors.Count - 1} more)" : string.Empty;
            error.WriteLine($"{Name(parse)}: {OneLine(parse.Errors[0].Message)}{more}");
            return 1;
        }

        return configuration is null ? parse.Invoke() : parse.Invoke(configuration);
    }

    /// <summary>Runs <paramref name="body"/>; expected failures (bad input, missing or unreadable files) become one line and exit code 1.</summary>
    public static int Run(ParseResult parse, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException
                                       or FormatException or OverflowException or NotSupportedException or HttpRequestException
                                       or ImageDirectoryException or Shared.Imaging.ImageDecodeException or Checkpoints.CheckpointException
                                       or Export.ExportParityException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            return Fail(parse, e.Message);
        }
    }

    /// <summary>Writes "melanogans COMMAND: REASON" (one line) on the error writer and returns exit code 1.</summary>
    public static int Fail(ParseResult parse, string reason)
    {
        parse.InvocationConfiguration.Error.WriteLine($"{Name(parse)}: {OneLine(reason)}");
        return 1;
    }

    /// <summary>Writes <paramref name="value"/> as JSON on the output writer.</summary>
    public static void Json<T>(ParseResult parse, T value) =>
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>"melanogans" and the command path, e.g. "melanogans bench stats".</summary>
    public static string Name(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Add(result.Command.Name);
            }
        }

        names.Add("melanogans");
        names.Reverse();
        return string.Join(' ', names);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
