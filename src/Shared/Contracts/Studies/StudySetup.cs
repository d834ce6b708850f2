using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>What a lead fills in to set up a study (issue 6). Mutable: the set-up form binds to it.</summary>
public sealed class StudySetup
{
    /// <summary>The default presentation size: the study's 256x256.</summary>
    public const int DefaultPresentationSize = 256;

    /// <summary>The default share of items shown twice to measure intra-rater agreement.</summary>
    public const double DefaultRepeatShare = 0.10;

    public string Name { get; set; } = "";

    /// <summary>Shown to raters above the first image.</summary>
    public string Instructions { get; set; } = StudyInstructions.For(RatingMode.Untimed);

    /// <summary>
    /// What raters are asked: real or generated (<see cref="RatingTask.Realism"/>, the default) or how likely the lesion is
    /// a melanoma (<see cref="RatingTask.Diagnosis"/>). A diagnosis study draws its reals per class
    /// (<see cref="RealClassCounts"/>) and only pools whose lesion class is known.
    /// </summary>
    public RatingTask Task { get; set; } = RatingTask.Realism;

    /// <summary>A diagnosis study also asks for a diagnosis (melanoma, nevus or seborrheic keratosis) with each answer.</summary>
    public bool AskDiagnosis { get; set; }

    /// <summary>A diagnosis study's reals per lesion class (ISIC names); unused by a realism study.</summary>
    public List<LabelCount> RealClassCounts { get; set; } = [];

    /// <summary>The dataset the real items come from; null for a study without reals.</summary>
    public int? RealDatasetId { get; set; }

    /// <summary>Only reals with this class label (an ISIC name); null for every class.</summary>
    public string? RealLabel { get; set; }

    /// <summary>How many real items (of a diagnosis study: the sum of <see cref="RealClassCounts"/>).</summary>
    public int RealCount { get; set; }

    /// <summary>The generated pools and how many fakes each gives.</summary>
    public List<StudyPoolCount> Pools { get; set; } = [];

    /// <summary>Side in pixels every item is re-encoded to, real or generated.</summary>
    public int PresentationSize { get; set; } = DefaultPresentationSize;

    /// <summary>
    /// The lead's explicit override of the like-for-like rule: a presentation size that upscales a source is refused
    /// unless this is set with a <see cref="UpscalingReason"/>. Recorded on the study and shown on its dashboard and exports.
    /// </summary>
    public bool AllowUpscaling { get; set; }

    /// <summary>Why upscaling is acceptable for this study; required with <see cref="AllowUpscaling"/>.</summary>
    public string? UpscalingReason { get; set; }

    /// <summary>Identity user ids of the assigned raters.</summary>
    public List<string> RaterIds { get; set; } = [];

    /// <summary>The artifact tags raters can attach, in display order.</summary>
    public List<string> ArtifactTags { get; set; } = [.. ArtifactTaxonomy.Default];

    /// <summary>Share of items each rater sees a second time (0 to 0.5).</summary>
    public double RepeatShare { get; set; } = DefaultRepeatShare;

    /// <summary>Whether a rater is told the truth after each answer; off for a Turing test.</summary>
    public bool Feedback { get; set; }

    /// <summary>
    /// The protocol (docs/studies.md, "Protocols"): untimed 6-point (default), fixed exposure, an exposure staircase
    /// (HYPE-time) or paired choice (2AFC: a real and a fake side by side).
    /// </summary>
    public RatingMode Mode { get; set; } = RatingMode.Untimed;

    /// <summary>The exposure of a fixed-exposure study, in milliseconds.</summary>
    public int ExposureMs { get; set; } = 500;

    /// <summary>The staircase's first exposure, in milliseconds.</summary>
    public int StaircaseStartMs { get; set; } = 500;

    /// <summary>The staircase's shortest exposure, in milliseconds.</summary>
    public int StaircaseMinMs { get; set; } = 50;

    /// <summary>The staircase's longest exposure, in milliseconds.</summary>
    public int StaircaseMaxMs { get; set; } = 2000;

    /// <summary>
    /// Trials of a practice round before the study, with feedback after each answer and never counted: a 6-point round
    /// shows half reals, half fakes, a paired round one real and one fake per trial, drawn from the same sources beyond
    /// the study's own items. 0 for no practice.
    /// </summary>
    public int PracticeCount { get; set; }

    /// <summary>The share of practice answers (0 to 1) a rater needs right before the study starts; null for no pass mark.</summary>
    public double? PracticePassMark { get; set; }

    /// <summary>
    /// Catch trials mixed into each rater's sequence: obvious fakes (noise) and obvious reals (extra reals of the dataset);
    /// counted only in each rater's catch accuracy. 0 for none.
    /// </summary>
    public int CatchCount { get; set; }

    /// <summary>How many of the catch trials are reals (the rest are noise fakes); a paired catch trial pairs noise with a real.</summary>
    public int CatchReals => ExtraItems.CatchReals(Mode, CatchCount);

    /// <summary>Reals of the practice round (the rest are fakes).</summary>
    public int PracticeReals => ExtraItems.PracticeReals(Mode, PracticeCount);

    /// <summary>The study's version this set-up was read at; null for a new study or to skip the check.</summary>
    public int? Version { get; set; }

    /// <summary>The number of fakes over all pools.</summary>
    public int FakeCount => (int)Math.Clamp(Pools.Where(p => p is not null).Sum(p => (long)p.Count), int.MinValue, int.MaxValue);
}
