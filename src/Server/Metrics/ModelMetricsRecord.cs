namespace MelanoGans.Server.Metrics;

/// <summary>
/// Generator metrics of a model, one row per finished metrics job; the model's latest row is the one pages show.
/// Deleting the model deletes its rows.
/// </summary>
public sealed class ModelMetricsRecord
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    /// <summary>The dataset whose images were the real set (its name when the job ran).</summary>
    public required string Dataset { get; set; }

    public long? JobId { get; set; }

    /// <summary>The feature network, e.g. <c>resnet18</c>: always shown beside the figures.</summary>
    public required string Extractor { get; set; }

    public int RealCount { get; set; }

    public int FakeCount { get; set; }

    public double Fd { get; set; }

    public double Kid { get; set; }

    public double KidSd { get; set; }

    public double Precision { get; set; }

    public double Recall { get; set; }

    public double Density { get; set; }

    public double Coverage { get; set; }

    public double MemorisationShare { get; set; }

    public double PixelMemorisationShare { get; set; }

    /// <summary>The gallery: <see cref="Shared.Contracts.MemorisationPairView"/> rows as JSON (images in the image store).</summary>
    public required string ClosestJson { get; set; }

    public DateTimeOffset ComputedAt { get; set; } = DateTimeOffset.UtcNow;
}
