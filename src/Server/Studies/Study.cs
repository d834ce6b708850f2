using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;

namespace MelanoGans.Server.Studies;

/// <summary>A blinded study (real vs fake, or a diagnosis study): its set-up, and once started its frozen items.</summary>
public sealed class Study
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Shown to raters above the first image.</summary>
    public string Instructions { get; set; } = "";

    public StudyState State { get; set; }

    /// <summary>What raters are asked: real or generated, or how likely a melanoma (stored as its name).</summary>
    public RatingTask Task { get; set; }

    /// <summary>A diagnosis study also asks for a diagnosis with each answer.</summary>
    public bool AskDiagnosis { get; set; }

    /// <summary>A diagnosis study's reals per class (<see cref="ClassMix"/>'s text); null for a realism study.</summary>
    public string? RealClassMix { get; set; }

    /// <summary>The dataset reals are drawn from; null for a study without reals.</summary>
    public int? RealDatasetId { get; set; }

    /// <summary>Class filter on the reals (an ISIC name); null for every class.</summary>
    public string? RealLabel { get; set; }

    public int RealCount { get; set; }

    /// <summary>Side in pixels every item is re-encoded to.</summary>
    public int PresentationSize { get; set; }

    /// <summary>
    /// Why the lead allowed a presentation size that upscales a source; null for a like-for-like study (the rule:
    /// no source upscaled). Set only together with <see cref="UpscalingAllowedBy"/> and <see cref="UpscalingAllowedAt"/>.
    /// </summary>
    public string? UpscalingReason { get; set; }

    /// <summary>User name of the lead who allowed upscaling.</summary>
    public string? UpscalingAllowedBy { get; set; }

    /// <summary>When the lead allowed upscaling.</summary>
    public DateTimeOffset? UpscalingAllowedAt { get; set; }

    /// <summary>What the override lets through, as checked at its last save: one sentence per upscaled source.</summary>
    public string? UpscaledSources { get; set; }

    /// <summary>Share of items each rater sees a second time.</summary>
    public double RepeatShare { get; set; }

    /// <summary>Whether raters learn the truth after each answer (off for a Turing test).</summary>
    public bool Feedback { get; set; }

    /// <summary>The protocol: untimed, fixed exposure or staircase (stored as its name).</summary>
    public RatingMode Mode { get; set; }

    /// <summary>The exposure of a fixed-exposure study, in milliseconds.</summary>
    public int ExposureMs { get; set; } = 500;

    /// <summary>The staircase's first exposure, in milliseconds.</summary>
    public int StaircaseStartMs { get; set; } = 500;

    /// <summary>The staircase's shortest exposure, in milliseconds.</summary>
    public int StaircaseMinMs { get; set; } = 50;

    /// <summary>The staircase's longest exposure, in milliseconds.</summary>
    public int StaircaseMaxMs { get; set; } = 2000;

    /// <summary>The staircase rule's settings of this study.</summary>
    public StaircaseSettings Staircase => new(StaircaseStartMs, StaircaseMinMs, StaircaseMaxMs);

    /// <summary>Items of the practice round (half reals, half fakes, beyond the study's own); 0 for no practice.</summary>
    public int PracticeCount { get; set; }

    /// <summary>The share of practice answers a rater needs right before the study starts; null for no pass mark.</summary>
    public double? PracticePassMark { get; set; }

    /// <summary>Catch trials mixed into each rater's sequence (obvious fakes made of noise, obvious reals); 0 for none.</summary>
    public int CatchCount { get; set; }

    /// <summary>The artifact tags, in display order (stored as JSON).</summary>
    public List<string> ArtifactTags { get; set; } = [];

    /// <summary>Seeds the draw of items from the sources at start.</summary>
    public long Seed { get; set; }

    /// <summary>User name of the lead who created it: its owner, who with the <see cref="CoLeads"/> leads it (<see cref="StudyAccess"/>).</summary>
    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Raised by every change of set-up, raters or state; an edit or start based on another version is refused.</summary>
    public int Version { get; set; }

    /// <summary>User name of whoever last changed the set-up, raters or state.</summary>
    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>User name of the lead who started it.</summary>
    public string? StartedBy { get; set; }

    /// <summary>The instance that froze (or is freezing) its items (<see cref="Data.StudioInstance.Key"/>).</summary>
    public long? StartedOn { get; set; }

    /// <summary>User name of the lead who closed it.</summary>
    public string? ClosedBy { get; set; }

    public List<StudyPoolSource> Pools { get; set; } = [];

    public List<StudyLead> CoLeads { get; set; } = [];

    public List<StudyRater> Raters { get; set; } = [];

    public List<StudyItem> Items { get; set; } = [];
}
