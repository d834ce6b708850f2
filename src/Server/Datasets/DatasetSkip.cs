namespace MelanoGans.Server.Datasets;

/// <summary>
/// One thing an import left out and why: a CSV line or an image file. Every reason is kept (the dataset's
/// <see cref="Dataset.Message"/> only summarises), replaced by each run of the import.
/// </summary>
public sealed class DatasetSkip
{
    public long Id { get; set; }

    public int DatasetId { get; set; }

    /// <summary>What was skipped: a file name as the CSV lists it, or "labels.csv line 3".</summary>
    public required string Item { get; set; }

    /// <summary>Why, in words an admin can act on: "links outside the import root".</summary>
    public required string Reason { get; set; }
}
