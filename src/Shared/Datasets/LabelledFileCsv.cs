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
    public static CsvParseResult<LabelledFile> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<CsvError>();
        var table = CsvTable.Read(reader, Required, errors, out var headerError);
        if (table is null)
        {
            return new CsvParseResult<LabelledFile>([], [headerError!]);
        }

        var fileColumn = table.Columns[FileColumn];
        var labelColumn = table.Columns[LabelColumn];
        var rows = new List<LabelledFile>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in table.Records)
        {
            var file = fields[fileColumn].Replace('\\', '/');
            if (!IsSafeRelativePath(file, out var problem))
            {
                errors.Add(new CsvError(line, problem));
                continue;
            }

            if (!LesionClassNames.TryParse(fields[labelColumn], out var lesionClass))
            {
                errors.Add(new CsvError(line,
                    $"unknown label '{fields[labelColumn]}' (expected {LesionClassNames.Melanoma}, {LesionClassNames.SeborrheicKeratosis} or {LesionClassNames.Nevus})"));
                continue;
            }

            if (firstLine.TryGetValue(file, out var first))
            {
                errors.Add(new CsvError(line, $"duplicate file {file} (first on line {first})"));
                continue;
            }

            firstLine[file] = line;
            rows.Add(new LabelledFile(line, file, lesionClass.Value));
        }

        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new CsvParseResult<LabelledFile>(rows, errors);
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
