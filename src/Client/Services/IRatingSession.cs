using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;

namespace MelanoGans.Client.Services;

/// <summary>
/// The rater's side of a study. The rater is always the signed-in user; nothing returned says whether an
/// item is real, and no score or other rater's answer is ever returned.
/// </summary>
public interface IRatingSession
{
    /// <summary>The caller's assigned studies (started ones only) with their own progress.</summary>
    Task<IReadOnlyList<AssignedStudy>> ListAssignedAsync(CancellationToken ct = default);

    /// <summary>The next unanswered place of the caller's sequence; null when the caller is not assigned.</summary>
    Task<RatingStep?> GetStepAsync(int studyId, CancellationToken ct = default);

    /// <summary>
    /// Keeps the caller's chosen but unsubmitted answer at their current place, so it survives a closed browser;
    /// <see cref="GetStepAsync"/> returns it as <see cref="RatingStep.Draft"/>. Refused for any other place.
    /// </summary>
    Task<OperationResult> SaveDraftAsync(RatingDraft draft);

    /// <summary>Stores one answer, committed before it returns; one answer per place, enforced by the database.</summary>
    Task<SubmitResult> SubmitAsync(AnswerSubmission answer);

    /// <summary>
    /// Records that the timed image at <paramref name="position"/> has been shown, with the exposure the page measured: a
    /// reload shows the mask instead of the image again, and the image is no longer served. The first record stands.
    /// </summary>
    Task<OperationResult> MarkShownAsync(int studyId, int position, int exposureMs);
}
