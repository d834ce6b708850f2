using System.Text;

namespace MelanoGans.Shared.Datasets;

/// <summary>
/// A minimal RFC 4180 reader for the small label files we import: a header, comma-separated fields,
/// optional double quotes (with "" as an escaped quote), no line breaks inside fields.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(IReadOnlyDictionary<string, int> columns, IReadOnlyList<(int Line, string[] Fields)> records)
    {
        Columns = columns;
        Records = records;
    }

    /// <summary>Header names (trimmed, case-insensitive) to column index.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; }

    /// <summary>Data records with their 1-based line numbers; blank lines are skipped.</summary>
    public IReadOnlyList<(int Line, string[] Fields)> Records { get; }

    /// <summary>
    /// Reads the whole table. Returns null with <paramref name="error"/> set when the header is unusable
    /// (empty file, missing required columns); record-level problems are left to the caller.
    /// </summary>
    public static CsvTable? Read(TextReader reader, IReadOnlyList<string> requiredColumns, List<CsvError> errors, out CsvError? error)
    {
        error = null;
        var lineNumber = 0;
        string? header;
        do
        {
            header = reader.ReadLine();
            lineNumber++;
        }
        while (header is not null && string.IsNullOrWhiteSpace(header));

        if (header is null)
        {
            error = new CsvError(Math.Max(1, lineNumber - 1), "the file is empty; expected a header line");
            return null;
        }

        // Spreadsheet programs save UTF-8 with a byte order mark that File.ReadAllText may leave in place.
        header = header.TrimStart('\uFEFF');
        if (!TrySplit(header, out var names, out var headerProblem))
        {
            error = new CsvError(lineNumber, $"header: {headerProblem}");
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim();
            if (!columns.TryAdd(name, i))
            {
                error = new CsvError(lineNumber, $"header: column '{name}' appears twice");
                return null;
            }
        }

        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            error = new CsvError(lineNumber,
                $"header: missing column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)} (expected {string.Join(",", requiredColumns)})");
            return null;
        }

        var records = new List<(int, string[])>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TrySplit(line, out var fields, out var problem))
            {
                errors.Add(new CsvError(lineNumber, problem));
                continue;
            }

            if (fields.Length != names.Length)
            {
                errors.Add(new CsvError(lineNumber, $"expected {names.Length} fields, found {fields.Length}"));
                continue;
            }

            records.Add((lineNumber, fields));
        }

        return new CsvTable(columns, records);
    }

    /// <summary>Splits one line into fields; fails on an unterminated quote or text after a closing quote.</summary>
    internal static bool TrySplit(string line, out string[] fields, out string problem)
    {
        var result = new List<string>();
        var field = new StringBuilder();
        problem = string.Empty;
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (!closed)
                {
                    fields = [];
                    problem = "unterminated quoted field";
                    return false;
                }

                if (i < line.Length && line[i] != ',')
                {
                    fields = [];
                    problem = "unexpected text after a closing quote";
                    return false;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    field.Append(line[i++]);
                }
            }

            result.Add(field.ToString().Trim());
            if (i >= line.Length)
            {
                break;
            }

            i++; // the comma
        }

        fields = [.. result];
        return true;
    }
}
