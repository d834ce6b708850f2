namespace MelanoGans.Shared.Datasets;

/// <summary>
/// Parser for the generic <c>file,label</c> CSV (also what <c>melanogans phantom</c> writes as
/// <c>manifest.csv</c>). Labels are ISIC names or enum names of <see cref="LesionClass"/>.
/// </summary>
public static class LabelledFileCsv
{
    /// <summary>The column holding the image path relative to the CSV's folder.</summary>
    public const string FileColumn = "file";

    /// <summary>The column holding the class label.</summary>
    public const string LabelColumn = "label";

    private static readonly string[] Required = [FileColumn, LabelColumn];

    /// <summary>Parses CSV text. Columns may come in any order; extra columns are ignored.</summary>
    public static CsvParseResult<LabelledFile> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader);
    }

    /// <summary>Parses CSV from <paramref name="reader"/>; see <see cref="Parse(string)"/>.</summary>
    public static CsvParseResult<LabelledFile> Parse(TextReader reader) =>
        Read<LabelledFile>(reader, (line, file, label) => LesionClassNames.TryParse(label, out var lesionClass)
            ? (new LabelledFile(line, file, lesionClass.Value), null)
            : (null, $"unknown label '{label}' (expected {LesionClassNames.Melanoma}, {LesionClassNames.SeborrheicKeratosis} or {LesionClassNames.Nevus})"));

    /// <summary>
    /// Parses CSV from <paramref name="reader"/> keeping each label as written (any non-empty text): the trainer's
    /// <c>manifest.csv</c>, where <c>--class</c> picks a label and the imbalance experiment tells melanoma from the rest.
    /// The same columns, path rules and duplicate check as <see cref="Parse(TextReader)"/>.
    /// </summary>
    public static CsvParseResult<LabelledPath> ParseLabels(TextReader reader) =>
        Read<LabelledPath>(reader, (line, file, label) => label.Length > 0 ? (new LabelledPath(line, file, label), null) : (null, "label is empty"));

    /// <summary>The rows of a file,label CSV: safe relative paths, each file once, labels made into rows by <paramref name="row"/>.</summary>
    private static CsvParseResult<T> Read<T>(TextReader reader, Func<int, string, string, (T? Row, string? Problem)> row)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<CsvError>();
        var table = CsvTable.Read(reader, Required, errors, out var headerError);
        if (table is null)
        {
            return new CsvParseResult<T>([], [headerError!]);
        }

        var fileColumn = table.Columns[FileColumn];
        var labelColumn = table.Columns[LabelColumn];
        var rows = new List<T>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in table.Records)
        {
            var file = fields[fileColumn].Replace('\\', '/');
            if (!IsSafeRelativePath(file, out var problem))
            {
                errors.Add(new CsvError(line, problem));
                continue;
            }

            var (parsed, labelProblem) = row(line, file, fields[labelColumn]);
            if (parsed is null)
            {
                errors.Add(new CsvError(line, labelProblem!));
                continue;
            }

            if (firstLine.TryGetValue(file, out var first))
            {
                errors.Add(new CsvError(line, $"duplicate file {file} (first on line {first})"));
                continue;
            }

            firstLine[file] = line;
            rows.Add(parsed);
        }

        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new CsvParseResult<T>(rows, errors);
    }

    /// <summary>A relative path that cannot leave the CSV's folder: not rooted, no "..", no empty segments.</summary>
    private static bool IsSafeRelativePath(string file, out string problem)
    {
        problem = string.Empty;
        if (file.Length == 0)
        {
            problem = "file is empty";
        }
        else if (file.StartsWith('/') || Path.IsPathRooted(file) || (file.Length >= 2 && file[1] == ':'))
        {
            problem = $"file '{file}' must be a path relative to the CSV's folder";
        }
        else if (file.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            problem = $"file '{file}' must not contain '..', '.' or empty path segments";
        }
        else if (file.Any(char.IsControl))
        {
            problem = "file contains control characters";
        }

        return problem.Length == 0;
    }
}
