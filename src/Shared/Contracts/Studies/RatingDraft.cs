namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>
/// A rater's chosen but unsubmitted answer at one place of their sequence: kept on the server with the resume point,
/// so closing the browser loses nothing. Never counted; only <see cref="AnswerSubmission"/> records an answer.
/// </summary>
/// <param name="StudyId">The study.</param>
/// <param name="Position">The place in the rater's sequence the draft belongs to.</param>
/// <param name="Response">The 6-point answer chosen so far; null for none yet.</param>
/// <param name="Tags">The artifact tags toggled on.</param>
/// <param name="Comment">The comment typed so far.</param>
/// <param name="Diagnosis">A diagnosis study's pick so far (an ISIC name); null for none.</param>
public sealed record RatingDraft(int StudyId, int Position, int? Response, IReadOnlyList<string> Tags, string? Comment, string? Diagnosis = null);
