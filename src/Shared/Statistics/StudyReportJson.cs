using System.Text.Json;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// The one JSON form of a <see cref="StudyReport"/>, shared by the dashboard's statistics export and
/// <c>melanogans stats --json</c> so both files are byte-for-byte comparable. Its style (snake_case keys) is the one
/// of every command's <c>--json</c> (docs/design.md, "Command line").
/// </summary>
public static class StudyReportJson
{
    /// <summary>
    /// snake_case names, indented; undefined numbers are null. A number that is infinite (an MRMC analysis of raters who
    /// agree so exactly that a variance is zero) is written as the string "Infinity" or "-Infinity", as JSON has no
    /// such number; it is read back as the same value.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report as JSON text.</summary>
    public static string Serialize(StudyReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>A report read back from <see cref="Serialize"/>'s output.</summary>
    public static StudyReport? Deserialize(string json) => JsonSerializer.Deserialize<StudyReport>(json, Options);
}
