namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Everything the statistics dashboard shows for one study: the report (the numbers of
/// <c>melanogans stats</c> and the statistics JSON export) and the views drawn from the same answers.
/// </summary>
/// <param name="Report">Every statistic of the study.</param>
/// <param name="RocCurves">One ROC curve per rater (ordinal order), then the pooled curve (<see cref="Statistics.RocCurves.Pooled"/>).</param>
/// <param name="Items">Per-item consensus, the most misleading items first.</param>
/// <param name="Time">Distribution of active time per answer.</param>
public sealed record StudyDashboard(
    StudyReport Report,
    IReadOnlyList<RocCurve> RocCurves,
    IReadOnlyList<ItemConsensus> Items,
    TimeHistogram Time);
