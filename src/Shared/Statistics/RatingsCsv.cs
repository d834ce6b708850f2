using System.Globalization;
using System.Text;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Reads and writes the ratings table (DESIGN.md, "Ratings table") as RFC 4180 CSV.
/// </summary>
/// <remarks>
/// The writer is safe to open in spreadsheet programs: a cell that starts with <c>= + - @</c>, a tab or a
/// carriage return would be run as a formula, so it gets a leading apostrophe (OWASP "CSV injection").
/// A cell that already starts with an apostrophe gets a second one, so the reader can strip exactly one
/// apostrophe in front of those characters and every value round-trips unchanged.
/// </remarks>
public static class RatingsCsv
{
    /// <summary>The header line, exactly as written and as required on reading.</summary>
    public const string Header = "study,rater,item,source,truth,response,tags,is_repeat,started_at,answered_at,active_ms";

    private const int FieldCount = 11;

    // Reporting every bad line of a million-row file helps nobody; the first few say what is wrong.
    private const int MaxReportedErrors = 20;

    /// <summary>Writes the header and one line per row, with CRLF line ends as RFC 4180 asks.</summary>
    public static void Write(TextWriter writer, IEnumerable<RatingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(Header);
        writer.Write("\r\n");
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            AppendCell(line, row.Study);
            AppendCell(line, row.Rater);
            AppendCell(line, row.Item);
            AppendCell(line, row.Source);
            AppendCell(line, row.Truth == RatingTruth.Fake ? "fake" : "real");
            AppendCell(line, row.Response.ToString(CultureInfo.InvariantCulture));
            AppendCell(line, string.Join(';', row.Tags));
            AppendCell(line, row.IsRepeat ? "true" : "false");
            AppendCell(line, row.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            AppendCell(line, row.AnsweredAt.ToString("O", CultureInfo.InvariantCulture));
            AppendCell(line, row.ActiveMs.ToString(CultureInfo.InvariantCulture));
            line.Length--; // the trailing comma
            line.Append("\r\n");
            writer.Write(line);
        }
    }

    /// <summary>The table as one CSV string.</summary>
    public static string ToCsv(IEnumerable<RatingRow> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, rows);
        return writer.ToString();
    }

    /// <summary>Reads a ratings file; never throws for a missing, unreadable or malformed file.</summary>
    public static RatingsCsvReadResult Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Read(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new RatingsCsvReadResult([], [$"cannot read '{path}': {e.Message}"]);
        }
    }

    /// <summary>
    /// Reads a ratings table. Problems come back as <see cref="RatingsCsvReadResult.Errors"/> with the line
    /// number where the offending record starts; no exception escapes for bad content.
    /// </summary>
    public static RatingsCsvReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<RatingRow>();
        var errors = new List<string>();
        var extraErrors = 0;
        void Error(string message)
        {
            if (errors.Count < MaxReportedErrors)
            {
                errors.Add(message);
            }
            else
            {
                extraErrors++;
            }
        }

        var tokenizer = new CsvRecordReader(reader);
        var headerSeen = false;
        while (true)
        {
            CsvRecordReader.Record? record;
            try
            {
                record = tokenizer.Next();
            }
            catch (FormatException e)
            {
                Error(e.Message);
                break;
            }
            catch (IOException e)
            {
                Error($"cannot read the ratings table: {e.Message}");
                break;
            }

            if (record is null)
            {
                break;
            }

            var (line, fields) = record.Value;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (!headerSeen)
            {
                headerSeen = true;
                var header = string.Join(',', fields).TrimStart('\uFEFF');
                if (header != Header)
                {
                    Error($"line {line}: the header must be exactly '{Header}', found '{header}'");
                    break;
                }

                continue;
            }

            if (ParseRow(line, fields, out var row, out var problem))
            {
                rows.Add(row);
            }
            else
            {
                Error(problem);
            }
        }

        if (!headerSeen && errors.Count == 0)
        {
            Error($"line 1: the file is empty; expected the header '{Header}'");
        }

        if (extraErrors > 0)
        {
            errors.Add($"... and {extraErrors} more problems");
        }

        return errors.Count == 0 ? new RatingsCsvReadResult(rows, []) : new RatingsCsvReadResult([], errors);
    }

    private static bool ParseRow(int line, IReadOnlyList<string> raw, out RatingRow row, out string problem)
    {
        row = null!;
        if (raw.Count != FieldCount)
        {
            problem = $"line {line}: expected {FieldCount} fields, found {raw.Count}";
            return false;
        }

        var f = raw.Select(UnescapeCell).ToArray();
        string[] names = ["study", "rater", "item", "source"];
        for (var i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(f[i]))
            {
                problem = $"line {line}: {names[i]} is empty";
                return false;
            }
        }

        RatingTruth truth;
        if (string.Equals(f[4], "real", StringComparison.OrdinalIgnoreCase))
        {
            truth = RatingTruth.Real;
        }
        else if (string.Equals(f[4], "fake", StringComparison.OrdinalIgnoreCase))
        {
            truth = RatingTruth.Fake;
        }
        else
        {
            problem = $"line {line}: truth must be 'real' or 'fake', found '{f[4]}'";
            return false;
        }

        if (!int.TryParse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var response)
            || response < RatingRow.MinResponse || response > RatingRow.MaxResponse)
        {
            problem = $"line {line}: response must be an integer from 1 to 6, found '{f[5]}'";
            return false;
        }

        var tags = f[6].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        bool isRepeat;
        switch (f[7].Trim().ToLowerInvariant())
        {
            case "true" or "1":
                isRepeat = true;
                break;
            case "false" or "0" or "":
                isRepeat = false;
                break;
            default:
                problem = $"line {line}: is_repeat must be true or false, found '{f[7]}'";
                return false;
        }

        if (!DateTimeOffset.TryParse(f[8], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startedAt))
        {
            problem = $"line {line}: started_at is not an ISO 8601 time: '{f[8]}'";
            return false;
        }

        if (!DateTimeOffset.TryParse(f[9], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var answeredAt))
        {
            problem = $"line {line}: answered_at is not an ISO 8601 time: '{f[9]}'";
            return false;
        }

        if (!long.TryParse(f[10], NumberStyles.Integer, CultureInfo.InvariantCulture, out var activeMs) || activeMs < 0)
        {
            problem = $"line {line}: active_ms must be a non-negative integer, found '{f[10]}'";
            return false;
        }

        row = new RatingRow(f[0], f[1], f[2], f[3], truth, response, tags, isRepeat, startedAt, answeredAt, activeMs);
        problem = "";
        return true;
    }

    private static string UnescapeCell(string cell) =>
        cell.Length >= 2 && cell[0] == '\'' && CsvCell.IsFormulaTrigger(cell[1]) ? cell[1..] : cell;

    private static void AppendCell(StringBuilder line, string value) => line.Append(CsvCell.Escape(value)).Append(',');
}
