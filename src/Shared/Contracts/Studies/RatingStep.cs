namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>
/// What the rating page shows now: the rater's next unanswered place in their sequence. Carries nothing
/// that depends on the truth: image URLs are opaque and the same for every kind of item.
/// </summary>
/// <param name="StudyId">The study.</param>
/// <param name="StudyName">Its name, shown as the page title.</param>
/// <param name="Instructions">What the lead asks the raters to do.</param>
/// <param name="State">Whether the study is open for answers.</param>
/// <param name="Tags">The artifact tags, in key order (a, b, c, ...).</param>
/// <param name="Position">The place in the rater's sequence; sent back with the answer.</param>
/// <param name="Answered">Places already answered, practice included.</param>
/// <param name="Total">All places of the rater's sequence, practice, repeats and catch trials included.</param>
/// <param name="ImageUrl">The current image; null when the rater has finished or the study is not open.</param>
/// <param name="NextImageUrl">The image after this one, for preloading; null at the end.</param>
/// <param name="Draft">What the rater chose at this place but did not submit yet (kept across sessions); null when nothing.</param>
/// <param name="Mode">The study's protocol: untimed, fixed or staircase.</param>
/// <param name="ExposureMs">How long to show the image before the noise mask (fixed and staircase); null when untimed.</param>
/// <param name="PairImageUrl">The right image of a paired (2AFC) trial (<paramref name="ImageUrl"/> is the left); null for a 6-point trial.</param>
/// <param name="NextPairImageUrl">The right image of the next paired trial, for preloading.</param>
/// <param name="PracticeRound">The practice round (1, 2, ...) this place belongs to; null outside practice.</param>
/// <param name="PracticePassMark">The share of practice answers needed right before the study starts; null for none.</param>
/// <param name="ShownExposureMs">
/// A timed image already shown at this place (the page was reloaded): the exposure measured then. The page shows the
/// mask, not the image again, and answers with this exposure. Null when the image has not been shown.
/// </param>
/// <param name="Task">What the study asks: real or generated, or how likely a melanoma (the page's question and scale).</param>
/// <param name="AskDiagnosis">A diagnosis study that asks for a diagnosis pick with each answer.</param>
/// <param name="PracticeLength">The practice places at the start of the sequence. They never count, so the page shows
/// "answered" as every other page does: (<paramref name="Answered"/> - practice) of (<paramref name="Total"/> - practice).</param>
public sealed record RatingStep(
    int StudyId,
    string StudyName,
    string Instructions,
    StudyState State,
    IReadOnlyList<string> Tags,
    int Position,
    int Answered,
    int Total,
    string? ImageUrl,
    string? NextImageUrl,
    RatingDraft? Draft = null,
    RatingMode Mode = RatingMode.Untimed,
    int? ExposureMs = null,
    string? PairImageUrl = null,
    string? NextPairImageUrl = null,
    int? PracticeRound = null,
    double? PracticePassMark = null,
    int? ShownExposureMs = null,
    int PracticeLength = 0,
    RatingTask Task = RatingTask.Realism,
    bool AskDiagnosis = false)
{
    /// <summary>True when every place has an answer.</summary>
    public bool Finished => Answered >= Total;

    /// <summary>Counted places answered: practice left out (the count of My studies, the API and the dashboard).</summary>
    public int CountedAnswered => Math.Max(0, Answered - PracticeLength);

    /// <summary>Counted places of the sequence: practice left out.</summary>
    public int CountedTotal => Total - PracticeLength;
}
