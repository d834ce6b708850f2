namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>One answer as the rating page sends it. The rater is never part of it: the server takes the
/// signed-in user, so nobody can answer for someone else.</summary>
/// <param name="StudyId">The study answered.</param>
/// <param name="Position">The place in the rater's sequence the answer is for.</param>
/// <param name="Response">1 = definitely fake ... 6 = definitely real; in a diagnosis study 1 = certainly benign ... 6 = certainly melanoma.</param>
/// <param name="Tags">Artifact tags, each one of the study's taxonomy.</param>
/// <param name="Comment">Optional free text.</param>
/// <param name="StartedAt">When the page showed the item.</param>
/// <param name="ActiveMs">Time the rater was active on the item (tab visible, input in the last 60 s).</param>
/// <param name="PickedLeft">A paired trial's answer: true when the rater picked the left image as the real one; null for a 6-point trial.</param>
/// <param name="ExposureMs">The exposure the page measured (requestAnimationFrame, first frame with the image to first frame with the mask); required in timed studies.</param>
/// <param name="Diagnosis">The diagnosis picked (an ISIC name: melanoma, nevus, seborrheic_keratosis); required when the study asks for one.</param>
public sealed record AnswerSubmission(
    int StudyId,
    int Position,
    int Response,
    IReadOnlyList<string> Tags,
    string? Comment,
    DateTimeOffset StartedAt,
    long ActiveMs,
    int? ExposureMs = null,
    bool? PickedLeft = null,
    string? Diagnosis = null);
