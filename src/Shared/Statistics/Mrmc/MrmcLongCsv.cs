using System.Globalization;

namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>
/// The long format every MRMC tool reads: CSV <c>reader,test,case,truth,rating</c> (<c>modality</c> accepted for
/// <c>test</c>), one row per reader, test and case, truth 0 (normal) or 1 (abnormal), higher ratings = more likely
/// abnormal. A test may show only some cases (a split design), but each of its readers must rate all of them.
/// </summary>
public static class MrmcLongCsv
{
    /// <summary>True when the header is the long format's (it names a reader and a case column).</summary>
    public static bool IsLongFormat(string headerLine)
    {
        var names = headerLine.Split(',').Select(n => n.Trim().ToLowerInvariant()).ToHashSet();
        // reader and case (the studio's table has rater and item): a missing truth or rating column then gets its reason.
        return names.Contains("reader") && names.Contains("case");
    }

    /// <summary>Reads <paramref name="text"/>; bad input throws <see cref="MrmcInputException"/> naming the line.</summary>
    public static MrmcTable Parse(string text)
    {
        var reader = new CsvRecordReader(new StringReader(text));
        var header = reader.Next() ?? throw new MrmcInputException("The file is empty.");
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int Column(params string[] candidates) =>
            candidates.Select(c => names.IndexOf(c)).FirstOrDefault(i => i >= 0, -1) is var i && i >= 0
                ? i
                : throw new MrmcInputException($"line 1: no '{candidates[0]}' column (the long format is reader,test,case,truth,rating).");
        int readerAt = Column("reader"), testAt = Column("test", "modality"), caseAt = Column("case"), truthAt = Column("truth"), ratingAt = Column("rating");

        var cells = new Dictionary<(string Test, string Reader, string Case), double>();
        var truths = new Dictionary<string, bool>(StringComparer.Ordinal);
        List<string> tests = [], readers = [], cases = [];
        try
        {
            while (reader.Next() is { } record)
            {
                var f = record.Fields;
                if (f.Count == 1 && string.IsNullOrWhiteSpace(f[0])) continue;
                if (f.Count < names.Count) throw new MrmcInputException($"line {record.Line}: {f.Count} fields, the header has {names.Count}.");
                string test = f[testAt].Trim(), rdr = f[readerAt].Trim(), cs = f[caseAt].Trim();
                if (!double.TryParse(f[ratingAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) || !double.IsFinite(rating))
                    throw new MrmcInputException($"line {record.Line}: rating '{f[ratingAt]}' is not a number.");
                var truth = f[truthAt].Trim() switch
                {
                    "1" => true,
                    "0" => false,
                    var other => throw new MrmcInputException($"line {record.Line}: truth '{other}' is not 0 or 1."),
                };
                if (truths.TryGetValue(cs, out var known) && known != truth)
                    throw new MrmcInputException($"line {record.Line}: case '{cs}' has truth {(truth ? 1 : 0)} here and {(known ? 1 : 0)} on an earlier line.");
                truths[cs] = truth;
                if (!cells.TryAdd((test, rdr, cs), rating))
                    throw new MrmcInputException($"line {record.Line}: reader '{rdr}', test '{test}', case '{cs}' is rated twice.");
                if (!tests.Contains(test)) tests.Add(test);
                if (!readers.Contains(rdr)) readers.Add(rdr);
                if (!cases.Contains(cs)) cases.Add(cs);
            }
        }
        catch (FormatException e)
        {
            throw new MrmcInputException(e.Message);
        }

        if (truths.Values.Distinct().Count() < 2)
            throw new MrmcInputException($"Every case has truth {(truths.Values.FirstOrDefault() ? 1 : 0)}: an AUC needs normal (0) and abnormal (1) cases.");

        var ratings = new double[tests.Count][][];
        for (var t = 0; t < tests.Count; t++)
        {
            var shown = cases.Where(c => readers.Any(r => cells.ContainsKey((tests[t], r, c)))).ToHashSet();
            ratings[t] = new double[readers.Count][];
            for (var r = 0; r < readers.Count; r++)
            {
                var row = ratings[t][r] = new double[cases.Count];
                for (var c = 0; c < cases.Count; c++)
                {
                    if (cells.TryGetValue((tests[t], readers[r], cases[c]), out var v)) row[c] = v;
                    else if (shown.Contains(cases[c])) throw new MrmcInputException($"Reader '{readers[r]}' has no rating of case '{cases[c]}' under test '{tests[t]}', which other readers rated.");
                    else row[c] = double.NaN;
                }
            }
        }

        return new MrmcTable(tests, readers, cases, cases.Select(c => truths[c]).ToArray(), ratings);
    }
}
