using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Training.Commands;

/// <summary>
/// The table of <c>mrmc</c> and <c>power</c>: the long format <c>reader,test,case,truth,rating</c> of any reader study,
/// or the studio's ratings table (a realism study: each generator a test; a diagnosis study: each source a test, melanoma
/// against the other classes); told apart by the header and the task column.
/// </summary>
internal static class MrmcInput
{
    /// <summary>The table of <paramref name="file"/>, keeping only <paramref name="tests"/> when given; bad input throws <see cref="MrmcInputException"/>.</summary>
    public static MrmcTable Read(FileInfo file, IReadOnlyList<string> tests, IReadOnlyCollection<string> excluded, List<string> messages)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MrmcInputException($"cannot read '{file.FullName}': {e.Message}");
        }

        var header = text.Split('\n', 2)[0];
        if (MrmcLongCsv.IsLongFormat(header))
        {
            if (excluded.Count > 0) throw new MrmcInputException("--exclude-rater is for the studio's ratings table; leave the reader out of the long-format file instead.");
            var parsed = MrmcLongCsv.Parse(text);
            return tests.Count == 0 ? parsed : parsed.Select(tests);
        }

        var read = RatingsCsv.Read(file.FullName);
        if (!read.IsValid) throw new MrmcInputException($"{file.Name}: {read.Errors[0]} (a ratings table, or the long format reader,test,case,truth,rating)");
        // A diagnosis study's table: each source a test, melanoma against the other classes (the union design).
        var table = (read.Rows.Any(r => r.Task == RatingTask.Diagnosis)
            ? MrmcDiagnosisTable.From(read.Rows, excluded, messages)
            : MrmcStudyTable.From(read.Rows, excluded, messages)) ?? throw new MrmcInputException(messages[^1]);
        return tests.Count == 0 ? table : table.Select(tests);
    }

    /// <summary>"a,b" as a list; empty for none.</summary>
    public static IReadOnlyList<string> Tests(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
