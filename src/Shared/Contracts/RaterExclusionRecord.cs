namespace MelanoGans.Shared.Contracts;

/// <summary>A lead's decision to leave a rater out of a study's statistics (e.g. for failing the catch items).</summary>
/// <param name="Rater">The rater's user name, as in the ratings table.</param>
/// <param name="By">User name of the lead who excluded them.</param>
/// <param name="At">When.</param>
public sealed record RaterExclusionRecord(string Rater, string By, DateTimeOffset At);
