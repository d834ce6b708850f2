namespace MelanoGans.Shared.Contracts.Events;

/// <summary>A rater's answer to a study was committed.</summary>
/// <param name="StudyId">The study answered.</param>
public sealed record AnswerRecorded(int StudyId) : IStudioEvent;
