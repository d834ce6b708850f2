namespace MelanoGans.Shared.Statistics;

/// <summary>A rater the lead left out of the statistics (<see cref="StatisticsOptions.ExcludedRaters"/>), reported so no exclusion is silent.</summary>
/// <param name="Rater">The rater.</param>
/// <param name="RowsLeftOut">Rows of the table left out with the rater (practice rows included); 0 when the table has none of theirs.</param>
public sealed record RaterExclusion(string Rater, int RowsLeftOut);
