using System.Globalization;
using System.Text;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Reads and writes the ratings table (docs/design.md, "Ratings table") as RFC 4180 CSV.
/// </summary>
/// <remarks>
/// The writer is safe to open in spreadsheet programs: a cell that starts with <c>= + - @</c>, a tab or a
/// carriage return would be run as a formula, so it gets a leading apostrophe (OWASP "CSV injection").
/// A cell that already starts with an apostrophe gets a second one, so the reader can strip exactly one
/// apostrophe in front of those characters and every value round-trips unchanged.
/// </remarks>
public static class RatingsCsv
{
    /// <summary>The header line, exactly as written; reading also accepts <see cref="ProtocolHeader"/> and <see cref="UntimedHeader"/>.</summary>
    public const string Header = ProtocolHeader + ",task,class,diagnosis";

    /// <summary>
    /// The header of tables written before the task columns existed: their rows read as realism answers with no class
    /// and no diagnosis.
    /// </summary>
    public const string ProtocolHeader = UntimedHeader + ",mode,exposure_ms,is_practice,is_catch,chosen";

    /// <summary>
    /// The header of tables written before the protocol columns existed: their rows read as untimed, not practice,
    /// not catch, so older exports stay valid.
    /// </summary>
    public const string UntimedHeader = "study,rater,item,source,truth,response,tags,is_repeat,started_at,answered_at,active_ms";

    private const int UntimedFieldCount = 11;

    private const int ProtocolFieldCount = 16;

    private const int FieldCount = 19;

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
            AppendCell(line, row.Mode == RatingMode.Paired ? "" : row.Response.ToString(CultureInfo.InvariantCulture));
            AppendCell(line, string.Join(';', row.Tags));
            AppendCell(line, row.IsRepeat ? "true" : "false");
            AppendCell(line, row.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            AppendCell(line, row.AnsweredAt.ToString("O", CultureInfo.InvariantCulture));
            AppendCell(line, row.ActiveMs.ToString(CultureInfo.InvariantCulture));
            AppendCell(line, ModeName(row.Mode));
            AppendCell(line, row.ExposureMs?.ToString(CultureInfo.InvariantCulture) ?? "");
            AppendCell(line, row.IsPractice ? "true" : "false");
            AppendCell(line, row.IsCatch ? "true" : "false");
            AppendCell(line, row.Chosen switch { RatingTruth.Real => "real", RatingTruth.Fake => "fake", _ => "" });
            AppendCell(line, TaskName(row.Task));
            AppendCell(line, row.Class ?? "");
            AppendCell(line, row.Diagnosis ?? "");
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
        var fieldCount = FieldCount;
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
                if (header == UntimedHeader)
                {
                    fieldCount = UntimedFieldCount;
                }
                else if (header == ProtocolHeader)
                {
                    fieldCount = ProtocolFieldCount;
                }
                else if (header != Header)
                {
                    Error($"line {line}: the header must be exactly '{Header}' (or, without the task columns, '{ProtocolHeader}', or without the protocol columns too, '{UntimedHeader}'), found '{header}'");
                    break;
                }

                continue;
            }

            if (ParseRow(line, fields, fieldCount, out var row, out var problem))
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

    private static bool ParseRow(int line, IReadOnlyList<string> raw, int fieldCount, out RatingRow row, out string problem)
    {
        row = null!;
        if (raw.Count != fieldCount)
        {
            problem = $"line {line}: expected {fieldCount} fields, found {raw.Count}";
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

        var mode = RatingMode.Untimed;
        int? exposureMs = null;
        bool isPractice = false, isCatch = false;
        RatingTruth? chosen = null;
        if (fieldCount >= ProtocolFieldCount && !ParseProtocol(line, f, out mode, out exposureMs, out isPractice, out isCatch, out chosen, out problem))
        {
            return false;
        }

        var response = RatingRow.NoResponse;
        if (mode == RatingMode.Paired)
        {
            if (f[5].Length > 0)
            {
                problem = $"line {line}: a paired row has an empty response (its answer is in chosen), found '{f[5]}'";
                return false;
            }

            if (truth != RatingTruth.Fake)
            {
                problem = $"line {line}: a paired row's truth is 'fake' (its source is the fake's), found '{f[4]}'";
                return false;
            }
        }
        else if (!int.TryParse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out response)
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

        var task = RatingTask.Realism;
        string? lesionClass = null, diagnosis = null;
        if (fieldCount == FieldCount && !ParseTask(line, f, mode, out task, out lesionClass, out diagnosis, out problem))
        {
            return false;
        }

        row = new RatingRow(f[0], f[1], f[2], f[3], truth, response, tags, isRepeat, startedAt, answeredAt, activeMs, mode, exposureMs, isPractice, isCatch, chosen,
            task, lesionClass, diagnosis);
        problem = "";
        return true;
    }

    /// <summary>The name of a mode in the table.</summary>
    public static string ModeName(RatingMode mode) => mode switch
    {
        RatingMode.Fixed => "fixed",
        RatingMode.Staircase => "staircase",
        RatingMode.Paired => "paired",
        _ => "untimed",
    };

    private static bool ParseProtocol(
        int line, string[] f, out RatingMode mode, out int? exposureMs, out bool isPractice, out bool isCatch, out RatingTruth? chosen, out string problem)
    {
        mode = RatingMode.Untimed;
        exposureMs = null;
        isPractice = isCatch = false;
        chosen = null;
        switch (f[11].Trim().ToLowerInvariant())
        {
            case "untimed" or "":
                mode = RatingMode.Untimed;
                break;
            case "fixed":
                mode = RatingMode.Fixed;
                break;
            case "staircase":
                mode = RatingMode.Staircase;
                break;
            case "paired":
                mode = RatingMode.Paired;
                break;
            default:
                problem = $"line {line}: mode must be untimed, fixed, staircase or paired, found '{f[11]}'";
                return false;
        }

        if (f[12].Trim().Length > 0)
        {
            if (!int.TryParse(f[12], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || ms < 0)
            {
                problem = $"line {line}: exposure_ms must be empty or a non-negative integer, found '{f[12]}'";
                return false;
            }

            exposureMs = ms;
        }

        if (!ParseFlag(f[13], out isPractice))
        {
            problem = $"line {line}: is_practice must be true or false, found '{f[13]}'";
            return false;
        }

        if (!ParseFlag(f[14], out isCatch))
        {
            problem = $"line {line}: is_catch must be true or false, found '{f[14]}'";
            return false;
        }

        switch (f[15].Trim().ToLowerInvariant())
        {
            case "":
                break;
            case "real":
                chosen = RatingTruth.Real;
                break;
            case "fake":
                chosen = RatingTruth.Fake;
                break;
            default:
                problem = $"line {line}: chosen must be real, fake or empty, found '{f[15]}'";
                return false;
        }

        if ((mode == RatingMode.Paired) != (chosen is not null))
        {
            problem = mode == RatingMode.Paired
                ? $"line {line}: a paired row needs chosen (real or fake)"
                : $"line {line}: chosen is only for paired rows, found '{f[15]}' in mode {ModeName(mode)}";
            return false;
        }

        problem = "";
        return true;
    }

    /// <summary>The name of a task in the table.</summary>
    public static string TaskName(RatingTask task) => task == RatingTask.Diagnosis ? "diagnosis" : "realism";

    private static bool ParseTask(int line, string[] f, RatingMode mode, out RatingTask task, out string? lesionClass, out string? diagnosis, out string problem)
    {
        task = RatingTask.Realism;
        lesionClass = f[17].Trim() is { Length: > 0 } c ? c : null;
        diagnosis = f[18].Trim() is { Length: > 0 } d ? d : null;
        switch (f[16].Trim().ToLowerInvariant())
        {
            case "realism" or "":
                break;
            case "diagnosis":
                task = RatingTask.Diagnosis;
                break;
            default:
                problem = $"line {line}: task must be realism, diagnosis or empty, found '{f[16]}'";
                return false;
        }

        if (diagnosis is not null && task != RatingTask.Diagnosis)
        {
            problem = $"line {line}: diagnosis is only for diagnosis rows, found '{diagnosis}' in a realism row";
            return false;
        }

        if (diagnosis is not null)
        {
            if (!LesionClassNames.TryParse(diagnosis, out var picked))
            {
                problem = $"line {line}: diagnosis must be melanoma, nevus, seborrheic_keratosis or empty, found '{diagnosis}'";
                return false;
            }

            diagnosis = picked.Value.ToIsicName();
        }

        if (task == RatingTask.Diagnosis && mode == RatingMode.Paired)
        {
            problem = $"line {line}: a diagnosis row has a 6-point response, not a paired choice";
            return false;
        }

        problem = "";
        return true;
    }

    private static bool ParseFlag(string cell, out bool value)
    {
        switch (cell.Trim().ToLowerInvariant())
        {
            case "true" or "1":
                value = true;
                return true;
            case "false" or "0" or "":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static string UnescapeCell(string cell) =>
        cell.Length >= 2 && cell[0] == '\'' && CsvCell.IsFormulaTrigger(cell[1]) ? cell[1..] : cell;

    private static void AppendCell(StringBuilder line, string value) => line.Append(CsvCell.Escape(value)).Append(',');
}
