namespace MelanoGans.Shared.Contracts;

/// <summary>A study as the statistics pages list it.</summary>
/// <param name="Id">The study id (the <c>{id}</c> of <c>/statistics/{id}</c> and the export URLs).</param>
/// <param name="Name">The study's name.</param>
/// <param name="State">The study's state as the studies feature names it (for example Draft, Open, Closed).</param>
/// <param name="Answers">Answered trials: the ratings table's rows without practice (repeats and catch trials included), as every page counts them.</param>
/// <param name="RatersDone">Raters who answered every item of their session.</param>
/// <param name="RatersAssigned">Raters assigned to the study.</param>
/// <param name="PresentationWarning">
/// Set when the lead overrode the like-for-like rule (a source shown upscaled): what was upscaled, who allowed it,
/// when and why. The dashboard and the exports show it; null for a like-for-like study.
/// </param>
/// <param name="Exclusions">Raters the lead left out of the statistics, who did it and when; empty or null when none.</param>
/// <param name="ExposureMisses">Timed answers whose measured exposure missed the target by more than one frame.</param>
/// <param name="Mode">The study's protocol; null where it is not known (a table read from a file), which shows every protocol's part that has answers.</param>
/// <param name="TargetExposureMs">The planned exposure of a fixed-exposure study; null otherwise.</param>
/// <param name="Task">What the study asks: real or generated, or how likely a melanoma (the dashboard's panels follow it).</param>
/// <param name="Sides">Which side raters picked in the counted paired trials (the table does not record sides); null without paired trials.</param>
public sealed record StudyRatingsInfo(int Id, string Name, string State, int Answers, int RatersDone, int RatersAssigned,
    string? PresentationWarning = null, IReadOnlyList<RaterExclusionRecord>? Exclusions = null, int ExposureMisses = 0,
    RatingMode? Mode = null, int? TargetExposureMs = null, SideBalance? Sides = null, RatingTask Task = RatingTask.Realism);

/// <summary>
/// Side balance of paired trials: the fake is on the left in half of them, so a rater who looks at the images picks
/// the left one about half the time; a share far from 50% says they lean on a side.
/// </summary>
/// <param name="LeftPicks">Trials in which the left image was picked as real.</param>
/// <param name="Trials">Counted paired trials (not practice, not catch).</param>
public sealed record SideBalance(int LeftPicks, int Trials);
