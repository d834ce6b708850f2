namespace MelanoGans.Shared.Contracts;

/// <summary>
/// One answer of the ratings table (docs/design.md, "Ratings table"): the dashboard export and the input of
/// <c>melanogans stats</c>.
/// </summary>
/// <param name="Study">The study the answer belongs to.</param>
/// <param name="Rater">The rater who answered (an opaque id or name).</param>
/// <param name="Item">The study item that was shown (an opaque id).</param>
/// <param name="Source">The real dataset or the generating model the item comes from.</param>
/// <param name="Truth">Whether the item is real or generated.</param>
/// <param name="Response">The 6-point answer: 1 = definitely fake ... 6 = definitely real; 4-6 say "real". In a diagnosis row the melanoma scale: 1 = certainly benign ... 6 = certainly melanoma.</param>
/// <param name="Tags">Artifact tags the rater attached (written <c>;</c>-separated in the table).</param>
/// <param name="IsRepeat">True when the item was shown again to measure intra-rater agreement.</param>
/// <param name="StartedAt">When the item was first shown.</param>
/// <param name="AnsweredAt">When the answer was given.</param>
/// <param name="ActiveMs">Milliseconds the page was visible and focused while the item was shown.</param>
/// <param name="Mode">The protocol the answer was given under; tables without the column read as <see cref="RatingMode.Untimed"/>.</param>
/// <param name="ExposureMs">The exposure measured on the client in milliseconds; null when untimed.</param>
/// <param name="IsPractice">True for a practice answer (feedback shown, never counted).</param>
/// <param name="IsCatch">True for a catch item (an obvious real or fake): it only enters the rater's catch accuracy.</param>
/// <param name="Chosen">A paired trial's choice: the truth of the image the rater picked as real (<see cref="RatingTruth.Fake"/> = deceived); null for 6-point rows.</param>
/// <param name="Task">What the rater was asked; tables without the column read as <see cref="RatingTask.Realism"/>.</param>
/// <param name="Class">The item's lesion class (an ISIC name such as <c>melanoma</c>); null when unknown.</param>
/// <param name="Diagnosis">The diagnosis the rater picked in a diagnosis row (an ISIC name); null when not asked.</param>
public sealed record RatingRow(
    string Study,
    string Rater,
    string Item,
    string Source,
    RatingTruth Truth,
    int Response,
    IReadOnlyList<string> Tags,
    bool IsRepeat,
    DateTimeOffset StartedAt,
    DateTimeOffset AnsweredAt,
    long ActiveMs,
    RatingMode Mode = RatingMode.Untimed,
    int? ExposureMs = null,
    bool IsPractice = false,
    bool IsCatch = false,
    RatingTruth? Chosen = null,
    RatingTask Task = RatingTask.Realism,
    string? Class = null,
    string? Diagnosis = null)
{
    /// <summary>The lowest response on the 6-point scale (definitely fake).</summary>
    public const int MinResponse = 1;

    /// <summary>The highest response on the 6-point scale (definitely real).</summary>
    public const int MaxResponse = 6;

    /// <summary>The response of a paired (2AFC) row, which has no 6-point answer (written empty).</summary>
    public const int NoResponse = 0;

    /// <summary>True when the response says "fake" (1-3), the positive class of every statistic.</summary>
    public bool CalledFake => Response <= 3;

    /// <summary>
    /// True when the binary call matches the truth; for a paired trial, when the real image was chosen as real; for a
    /// diagnosis row, when 4-6 goes with a melanoma and 1-3 with any other lesion (or none, as a catch trial's noise).
    /// </summary>
    public bool IsCorrect => Mode == RatingMode.Paired
        ? Chosen == RatingTruth.Real
        : Shared.Studies.PracticeRounds.IsRight(Task, null, Response, Truth, Class);
}
