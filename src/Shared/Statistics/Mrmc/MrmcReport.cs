namespace MelanoGans.Shared.Statistics.Mrmc;

/// <summary>Which factors an MRMC analysis treats as random (what the result generalises to).</summary>
public enum MrmcAnalysis
{
    /// <summary>Random readers and random cases: other readers, other cases (the default).</summary>
    Rrrc,

    /// <summary>Fixed readers, random cases: these readers, other cases.</summary>
    Frrc,

    /// <summary>Random readers, fixed cases: other readers, these cases.</summary>
    Rrfc,
}

/// <summary>
/// An Obuchowski-Rockette analysis of a reader study (see <see cref="ObuchowskiRockette"/>); the JSON of
/// <c>melanogans mrmc --json</c> and the dashboard's "Does it generalise?" panel.
/// </summary>
/// <param name="Readers">Readers who entered.</param>
/// <param name="Cases">Cases of the study (the union over tests).</param>
/// <param name="Covariance">jackknife, delong or unbiased.</param>
/// <param name="Analysis">rrrc, frrc or rrfc.</param>
/// <param name="VarError">Mean variance of a reader-test AUC over cases.</param>
/// <param name="Cov1">Mean covariance of the same reader's AUCs under two tests.</param>
/// <param name="Cov2">Mean covariance of two readers' AUCs under the same test.</param>
/// <param name="Cov3">Mean covariance of two readers' AUCs under two tests.</param>
/// <param name="VarR">Reader variance component.</param>
/// <param name="VarTr">Test x reader variance component (unclamped).</param>
/// <param name="F">The test statistic of equal AUCs across tests (chi-square for frrc); null with one test.</param>
/// <param name="Ndf">Numerator degrees of freedom (tests - 1).</param>
/// <param name="Ddf">Denominator degrees of freedom (Hillis for rrrc); null for frrc and with one test.</param>
/// <param name="P">p of equal AUCs across tests; null with one test.</param>
/// <param name="Tests">Per test: its AUC over readers with the single-test inference.</param>
/// <param name="Comparisons">Each pair of tests: the difference with its standard error and 95% CI.</param>
/// <param name="ReaderAucs">[test][reader] AUCs.</param>
/// <param name="ReaderNames">The readers, in the order of <paramref name="ReaderAucs"/>.</param>
/// <param name="Anova">The mean squares of the AUCs.</param>
/// <param name="Messages">Who was left out and why, and what was not computed.</param>
public sealed record MrmcReport(
    int Readers,
    int Cases,
    string Covariance,
    string Analysis,
    double VarError,
    double Cov1,
    double Cov2,
    double Cov3,
    double VarR,
    double VarTr,
    double? F,
    int Ndf,
    double? Ddf,
    double? P,
    IReadOnlyList<MrmcTestResult> Tests,
    IReadOnlyList<MrmcComparison> Comparisons,
    IReadOnlyList<IReadOnlyList<double>> ReaderAucs,
    IReadOnlyList<string> ReaderNames,
    MrmcAnova Anova,
    IReadOnlyList<string> Messages);

/// <summary>One test (in the studio: one generator) over readers.</summary>
/// <param name="Name">The test.</param>
/// <param name="Auc">Mean AUC over readers.</param>
/// <param name="Stderr">Standard error under the analysis.</param>
/// <param name="Df">Degrees of freedom of the t interval; null for a normal one (frrc).</param>
/// <param name="CiLower">Lower end of the 95% CI.</param>
/// <param name="CiUpper">Upper end of the 95% CI.</param>
/// <param name="PVsChance">One-sided p of AUC = 0.5 against AUC &gt; 0.5 (readers tell this test's abnormal cases from normal ones).</param>
public sealed record MrmcTestResult(string Name, double Auc, double Stderr, double? Df, double CiLower, double CiUpper, double PVsChance);

/// <summary>The difference of two tests' AUCs (first minus second).</summary>
public sealed record MrmcComparison(IReadOnlyList<string> Tests, double Difference, double Stderr, double? Df, double CiLower, double CiUpper, double Statistic, double P);

/// <summary>Sums of squares and mean squares of the reader x test AUCs.</summary>
public sealed record MrmcAnova(double SsT, double SsR, double SsTr, double MsT, double MsR, double MsTr);
