namespace MelanoGans.Server.Datasets;

/// <summary>One image of a dataset: a content address in the image store plus its class and origin.</summary>
public sealed class DatasetImage
{
    public long Id { get; set; }

    public int DatasetId { get; set; }

    public Dataset? Dataset { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the stored PNG: <c>images/&lt;sha256&gt;.png</c>.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Class label: an ISIC name (melanoma, seborrheic_keratosis, nevus) or the CSV's label.</summary>
    public required string Label { get; set; }

    /// <summary>Where it came from: source file name or phantom index. Unique per dataset (idempotent imports).</summary>
    public required string Origin { get; set; }
}
