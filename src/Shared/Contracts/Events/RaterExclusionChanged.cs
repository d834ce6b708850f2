namespace MelanoGans.Shared.Contracts.Events;

/// <summary>A lead excluded a rater from a study's statistics, or took them back: the statistics must be recomputed.</summary>
/// <param name="StudyId">The study.</param>
public sealed record RaterExclusionChanged(int StudyId) : IStudioEvent;
