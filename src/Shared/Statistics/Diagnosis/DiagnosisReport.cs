using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Statistics.Diagnosis;

/// <summary>
/// How accurately the raters diagnose each source's lesions (the real dataset, each generator), and whether the
/// difference generalises to other clinicians and other lesions (MRMC, each source a test).
/// </summary>
/// <param name="Sources">Per source, ordinal order.</param>
/// <param name="Comparison">The Obuchowski-Rockette analysis across sources (random raters and cases); null with the reason in <paramref name="Messages"/>.</param>
/// <param name="Messages">What was left out and why.</param>
public sealed record DiagnosisReport(IReadOnlyList<DiagnosisSourceReport> Sources, MrmcReport? Comparison, IReadOnlyList<string> Messages);

/// <summary>One source's diagnostic accuracy.</summary>
/// <param name="Source">The dataset or generator.</param>
/// <param name="Items">Items of known class shown from this source.</param>
/// <param name="Melanomas">Of which melanomas.</param>
/// <param name="Pooled">Over raters: the mean of the raters' AUCs; sensitivity and specificity from all their answers.</param>
/// <param name="Raters">Per rater, ordinal order.</param>
/// <param name="Confusion">True class x picked diagnosis, over raters; empty when no diagnosis was picked.</param>
public sealed record DiagnosisSourceReport(
    string Source, int Items, int Melanomas, DiagnosisScore Pooled, IReadOnlyList<DiagnosisScore> Raters, IReadOnlyList<DiagnosisConfusion> Confusion)
{
    /// <summary>True for the real dataset's source, false for a generator's.</summary>
    public bool Real { get; init; }
}

/// <summary>A rater's (or the pooled) diagnostic accuracy on one source.</summary>
/// <param name="Rater">The rater; <c>*</c> for the pooled score.</param>
/// <param name="Answers">Answers scored.</param>
/// <param name="Auc">Melanoma against the other classes from the 6-point melanoma scale (Mann-Whitney, ties one half); null when one class is missing.</param>
/// <param name="Sensitivity">Melanomas answered 4-6 ("melanoma"), with the Wilson interval.</param>
/// <param name="Specificity">Other lesions answered 1-3 ("benign"), with the Wilson interval.</param>
public sealed record DiagnosisScore(string Rater, int Answers, double? Auc, ProportionEstimate Sensitivity, ProportionEstimate Specificity);

/// <summary>How often items of <paramref name="Class"/> were diagnosed as <paramref name="Picked"/>.</summary>
public sealed record DiagnosisConfusion(string Class, string Picked, int Count);
