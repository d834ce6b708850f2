namespace MelanoGans.Shared.Contracts;

/// <summary>
/// A metrics job: a registered generator against the images of its training dataset (and class), as
/// <c>melanogans metrics</c> computes them (docs/design.md, "Generator metrics"). The worker samples as many generated
/// images as real ones it uses.
/// </summary>
public sealed record MetricsJobOptions
{
    /// <summary>Most real images used; the default is the size at which FD is reasonably stable.</summary>
    public const int DefaultMaxImages = 2000;

    /// <summary>The registered model whose generator is measured.</summary>
    public int ModelId { get; init; }

    /// <summary>The class filter of the real images (the model's own), or null for all classes.</summary>
    public string? Class { get; init; }

    /// <summary>Most real (and generated) images; the first by content address when the dataset holds more.</summary>
    public int MaxImages { get; init; } = DefaultMaxImages;

    /// <summary><c>resnet18</c> or the path of an extractor manifest on the worker (the server's <c>Studio:Metrics:Extractor</c>).</summary>
    public string Extractor { get; init; } = "resnet18";

    /// <summary>Seed of the latents and of KID's subsets.</summary>
    public long Seed { get; init; }

    /// <summary>Why these options cannot run, for a person; empty when they can.</summary>
    public IReadOnlyList<string> Problems() =>
        MaxImages is < 2 or > 50_000 ? ["the image count must be between 2 and 50000"] : [];
}
