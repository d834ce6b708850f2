namespace MelanoGans.Server.Generation;

/// <summary>
/// A pool of images made by one generator in one generation job: the "fake" side of a study.
/// </summary>
public sealed class GeneratedPool
{
    public int Id { get; set; }

    /// <summary>Unique display name, e.g. "DDGAN (upsample) melanoma, seed 7".</summary>
    public required string Name { get; set; }

    /// <summary>The generating model as studies and statistics name it (the ratings table's <c>source</c>).</summary>
    public required string ModelName { get; set; }

    /// <summary>Architecture of the generator (dcgan, lapgan, ddgan-upsample, ddgan-deconv, ...).</summary>
    public string? Architecture { get; set; }

    /// <summary>Side of the square images in pixels.</summary>
    public int Resolution { get; set; }

    /// <summary>The class the generator was trained on, if it was trained on one (an ISIC name).</summary>
    public string? Label { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<GeneratedImage> Images { get; set; } = [];
}
