namespace MelanoGans.Server.Datasets;

/// <summary>A named set of real (or phantom) lesion images at one resolution.</summary>
public sealed class Dataset
{
    public int Id { get; set; }

    /// <summary>Unique display name, e.g. "Phantom (ISIC 2017 counts)".</summary>
    public required string Name { get; set; }

    public DatasetKind Kind { get; set; }

    /// <summary>Side of the square images in pixels.</summary>
    public int Resolution { get; set; }

    public DatasetState State { get; set; }

    /// <summary>The import folder, or the phantom seed; shown to admins and used to resume.</summary>
    public string? Source { get; set; }

    /// <summary>How many images the dataset will hold when built (for progress).</summary>
    public int ExpectedCount { get; set; }

    /// <summary>Why building failed, or what was skipped (corrupt files), for the admin.</summary>
    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<DatasetImage> Images { get; set; } = [];
}
