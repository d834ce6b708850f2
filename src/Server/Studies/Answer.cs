using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Studies;

/// <summary>One rater's answer to one showing of an item. Never updated: answers are locked once given.</summary>
public sealed class Answer
{
    public long Id { get; set; }

    public int StudyId { get; set; }

    /// <summary>Identity user id of the rater.</summary>
    public required string RaterId { get; set; }

    public long ItemId { get; set; }

    public StudyItem? Item { get; set; }

    /// <summary>0 for the first showing, 1 for the repeat.</summary>
    public int RepeatIndex { get; set; }

    /// <summary>The place in the rater's sequence it was given at.</summary>
    public int Position { get; set; }

    /// <summary>1 = definitely fake ... 6 = definitely real; in a diagnosis study 1 = certainly benign ... 6 = certainly melanoma.</summary>
    public int Response { get; set; }

    /// <summary>The diagnosis picked in a diagnosis study that asks for one (an ISIC name); null otherwise.</summary>
    public string? Diagnosis { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Comment { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the server committed the answer.</summary>
    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>Active milliseconds on the item, idle time excluded.</summary>
    public long ActiveMs { get; set; }

    /// <summary>The protocol the answer was given under (the study's at the time).</summary>
    public RatingMode Mode { get; set; }

    /// <summary>The exposure the server asked for (fixed, or the staircase's next); null when untimed.</summary>
    public int? TargetExposureMs { get; set; }

    /// <summary>The exposure the page measured; null when untimed.</summary>
    public int? ExposureMs { get; set; }

    /// <summary>True when the measured exposure missed the target by more than one 60 Hz frame (<see cref="RatingSession.FrameToleranceMs"/>).</summary>
    public bool ExposureMissed { get; set; }

    /// <summary>A practice answer (never counted).</summary>
    public bool IsPractice { get; set; }

    /// <summary>A catch item's answer (only in catch accuracy).</summary>
    public bool IsCatch { get; set; }

    /// <summary>A paired trial's choice: the truth of the image picked as real; null for 6-point answers.</summary>
    public RatingTruth? Chosen { get; set; }

    /// <summary>The real shown beside the fake (<see cref="ItemId"/>) of a paired trial; null for 6-point answers.</summary>
    public long? PairItemId { get; set; }
}
