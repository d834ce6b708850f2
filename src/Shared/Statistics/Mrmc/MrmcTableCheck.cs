namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>What an MRMC analysis needs of its table, each refusal a one-line reason.</summary>
internal static class MrmcTableCheck
{
    public static void Require(MrmcTable table)
    {
        if (table.Readers.Count < 2) throw new MrmcInputException($"MRMC needs at least 2 readers; the table has {table.Readers.Count}.");
        if (table.Tests.Count < 1) throw new MrmcInputException("The table has no test.");
        for (var t = 0; t < table.Tests.Count; t++)
        {
            var seen = Enumerable.Range(0, table.Cases.Count).Where(c => table.Saw(t, c)).ToList();
            int abnormal = seen.Count(c => table.Abnormal[c]), normal = seen.Count - abnormal;
            if (abnormal < 2 || normal < 2)
                throw new MrmcInputException($"Test '{table.Tests[t]}' needs at least 2 cases of each truth; it has {abnormal} abnormal (truth 1) and {normal} normal (truth 0).");
            for (var r = 0; r < table.Readers.Count; r++)
            {
                var ratings = table.Ratings[t][r];
                if (seen.Any(c => double.IsNaN(ratings[c])))
                    throw new MrmcInputException($"Reader '{table.Readers[r]}' did not rate every case of test '{table.Tests[t]}'.");
            }
        }

        var values = table.Ratings.SelectMany(t => t.SelectMany(r => r)).Where(x => !double.IsNaN(x)).Distinct().Take(2).Count();
        if (values < 2) throw new MrmcInputException("Every rating in the table is the same: no reader told any case from another.");
    }
}
