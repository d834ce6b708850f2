using System.Globalization;

namespace MelanoGans.Shared.Datasets;

/// <summary>
/// Parser for the ISIC 2017 part 3 ground-truth CSV: <c>image_id,melanoma,seborrheic_keratosis</c>, one
/// row per image, flags 0/1 (the archive writes 0.0/1.0). Neither flag set means nevus.
/// </summary>
public static class IsicGroundTruthCsv
{
    /// <summary>The column holding the image id.</summary>
    public const string ImageIdColumn = "image_id";

    /// <summary>The melanoma flag column.</summary>
    public const string MelanomaColumn = "melanoma";

    /// <summary>The seborrheic keratosis flag column.</summary>
    public const string SeborrheicKeratosisColumn = "seborrheic_keratosis";

    private static readonly string[] Required = [ImageIdColumn, MelanomaColumn, SeborrheicKeratosisColumn];

    /// <summary>Parses CSV text. Columns may come in any order; extra columns are ignored.</summary>
    public static CsvParseResult<IsicGroundTruthRow> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader);
    }

    /// <summary>Parses CSV from <paramref name="reader"/>; see <see cref="Parse(string)"/>.</summary>
    public static CsvParseResult<IsicGroundTruthRow> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<CsvError>();
        var table = CsvTable.Read(reader, Required, errors, out var headerError);
        if (table is null)
        {
            return new CsvParseResult<IsicGroundTruthRow>([], [headerError!]);
        }

        var id = table.Columns[ImageIdColumn];
        var mel = table.Columns[MelanomaColumn];
        var sk = table.Columns[SeborrheicKeratosisColumn];
        var rows = new List<IsicGroundTruthRow>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in table.Records)
        {
            var imageId = fields[id];
            if (!IsSafeImageId(imageId, out var idProblem))
            {
                errors.Add(new CsvError(line, idProblem));
                continue;
            }

            var melanoma = ParseFlag(fields[mel]);
            var keratosis = ParseFlag(fields[sk]);
            if (melanoma is null || keratosis is null)
            {
                var (column, value) = melanoma is null ? (MelanomaColumn, fields[mel]) : (SeborrheicKeratosisColumn, fields[sk]);
                errors.Add(new CsvError(line, $"{column} must be 0 or 1, got '{value}'"));
                continue;
            }

            if (melanoma.Value && keratosis.Value)
            {
                errors.Add(new CsvError(line, $"{imageId}: melanoma and seborrheic_keratosis are both 1; an image has one diagnosis"));
                continue;
            }

            if (firstLine.TryGetValue(imageId, out var first))
            {
                errors.Add(new CsvError(line, $"duplicate image_id {imageId} (first on line {first})"));
                continue;
            }

            firstLine[imageId] = line;
            var lesionClass = melanoma.Value ? LesionClass.Melanoma : keratosis.Value ? LesionClass.SeborrheicKeratosis : LesionClass.Nevus;
            rows.Add(new IsicGroundTruthRow(line, imageId, lesionClass));
        }

        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new CsvParseResult<IsicGroundTruthRow>(rows, errors);
    }

    /// <summary>0, 1, 0.0, 1.0 (any number equal to 0 or 1); null for anything else.</summary>
    private static bool? ParseFlag(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            if (value == 0)
            {
                return false;
            }

            if (value == 1)
            {
                return true;
            }
        }

        return null;
    }

    /// <summary>Ids become file names, so they must not reach outside the image folder.</summary>
    private static bool IsSafeImageId(string imageId, out string problem)
    {
        problem = string.Empty;
        if (imageId.Length == 0)
        {
            problem = "image_id is empty";
        }
        else if (imageId.IndexOfAny(['/', '\\', ':']) >= 0 || imageId is "." or "..")
        {
            problem = $"image_id '{imageId}' must be a plain name without path separators";
        }
        else if (imageId.Any(char.IsControl))
        {
            problem = "image_id contains control characters";
        }

        return problem.Length == 0;
    }
}
