namespace MelanoGans.Shared.Statistics.Diagnosis;

/// <summary>
/// One generator's lesions against the real ones in the MRMC comparison of a diagnosis study, turned to read
/// "generator minus real": "clinicians diagnose gan-b's lesions with AUC 0.71 against 0.83 on real ones, difference
/// -0.12, 95% CI -0.20 to -0.04".
/// </summary>
public sealed record DiagnosisVersusReal(
    string Generator, string Real, double GeneratorAuc, double RealAuc, double Difference, double CiLower, double CiUpper, double P)
{
    /// <summary>
    /// Every comparison of a generator with a real source in <paramref name="report"/>'s MRMC analysis (the analysis
    /// orders each pair its own way: first minus second); empty without one.
    /// </summary>
    public static IReadOnlyList<DiagnosisVersusReal> From(DiagnosisReport report)
    {
        if (report.Comparison is not { } mrmc) return [];
        var real = report.Sources.Where(s => s.Real).Select(s => s.Source).ToHashSet(StringComparer.Ordinal);
        var auc = mrmc.Tests.ToDictionary(t => t.Name, t => t.Auc, StringComparer.Ordinal);
        var found = new List<DiagnosisVersusReal>();
        foreach (var c in mrmc.Comparisons)
        {
            var (first, second) = (c.Tests[0], c.Tests[1]);
            if (real.Contains(first) == real.Contains(second)) continue;
            found.Add(real.Contains(second)
                ? new(first, second, auc[first], auc[second], c.Difference, c.CiLower, c.CiUpper, c.P)
                : new(second, first, auc[second], auc[first], -c.Difference, -c.CiUpper, -c.CiLower, c.P));
        }
        return found;
    }
}
