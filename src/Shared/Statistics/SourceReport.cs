using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>Results for one source: a real dataset or a generating model.</summary>
/// <param name="Source">The source name.</param>
/// <param name="Truth">The truth of its items; null when the table mixes real and fake items under this source.</param>
/// <param name="Items">Distinct items of the source that were answered.</param>
/// <param name="Classification">Accuracy and rates over all answers on the source's items.</param>
/// <param name="Tags">Artifact tag rates, most frequent first.</param>
public sealed record SourceReport(
    string Source,
    RatingTruth? Truth,
    int Items,
    ClassificationSummary Classification,
    IReadOnlyList<TagRate> Tags);
