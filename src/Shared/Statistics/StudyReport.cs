namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Every statistic of a study (docs/design.md, "Statistics definitions"): what the dashboard shows and what
/// <c>melanogans stats --json</c> prints. Undefined numbers are null, each with a line in <see cref="Messages"/>.
/// </summary>
/// <param name="Answers">Rows in the ratings table, all of them (practice, catch and excluded raters' rows too).</param>
/// <param name="FirstAnswers">
/// Answers used for accuracy and agreement: each rater's first 6-point answer per item, leaving out practice, catch,
/// paired trials and excluded raters.
/// </param>
/// <param name="RepeatAnswers">Repeated answers paired with a first answer (intra-rater agreement).</param>
/// <param name="RaterCount">Distinct raters.</param>
/// <param name="ItemCount">Distinct items.</param>
/// <param name="FakeItems">Distinct fake items.</param>
/// <param name="RealItems">Distinct real items.</param>
/// <param name="Overall">All first answers together.</param>
/// <param name="OverallAuc">ROC AUC of all first answers pooled.</param>
/// <param name="Time">Active time per item over all first answers.</param>
/// <param name="Raters">Per rater, ordinal order of the rater name.</param>
/// <param name="Sources">Per source, ordinal order of the source name.</param>
/// <param name="Agreement">Inter-rater agreement.</param>
/// <param name="IntraRater">Intra-rater agreement per rater who saw repeats.</param>
/// <param name="IntraRaterPooled">Intra-rater agreement over all raters' repeats.</param>
/// <param name="DeceptionByModel">Deception rate per model and the test across models.</param>
/// <param name="Messages">Why a number is missing, and what was left out of the input.</param>
/// <param name="Protocol">Practice, catch, exclusions, HYPE∞, HYPE-time and paired choice.</param>
/// <param name="Mrmc">Whether the result generalises to other raters and images: the MRMC analysis of the generators, or why there is none.</param>
/// <param name="Diagnosis">The diagnosis analysis (docs/statistics.md, "Diagnosis studies"); null when the table has no diagnosis rows.</param>
public sealed record StudyReport(
    int Answers,
    int FirstAnswers,
    int RepeatAnswers,
    int RaterCount,
    int ItemCount,
    int FakeItems,
    int RealItems,
    ClassificationSummary Overall,
    double? OverallAuc,
    TimeSummary Time,
    IReadOnlyList<RaterReport> Raters,
    IReadOnlyList<SourceReport> Sources,
    AgreementReport Agreement,
    IReadOnlyList<IntraRaterAgreement> IntraRater,
    IntraRaterAgreement IntraRaterPooled,
    DeceptionComparison DeceptionByModel,
    IReadOnlyList<string> Messages,
    ProtocolReport Protocol,
    MrmcOutcome Mrmc,
    Diagnosis.DiagnosisReport? Diagnosis = null);
