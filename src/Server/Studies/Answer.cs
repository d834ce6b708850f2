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

    /// <summary>1 = definitely fake ... 6 = definitely real.</summary>
    public int Response { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Comment { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the server committed the answer.</summary>
    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>Active milliseconds on the item, idle time excluded.</summary>
    public long ActiveMs { get; set; }
}
