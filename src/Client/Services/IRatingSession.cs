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

    /// <summary>Stores one answer, committed before it returns; one answer per place, enforced by the database.</summary>
    Task<SubmitResult> SubmitAsync(AnswerSubmission answer);
}
