using MelanoGans.Shared.Contracts;

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

    /// <summary>The registered generator that made the pool; null if that model was removed.</summary>
    public int? ModelId { get; set; }

    /// <summary>Seed of the first image; image i of the job has seed <c>Seed + i</c>.</summary>
    public long Seed { get; set; }

    /// <summary>Truncation threshold of the latents (|z| above it resampled), or null for plain normal latents.</summary>
    public double? Truncation { get; set; }

    /// <summary>Images the generation job was asked for.</summary>
    public int RequestedCount { get; set; }

    /// <summary>State of the generation job that fills the pool; Queued and Running resume after a restart.</summary>
    public JobState State { get; set; } = JobState.Succeeded;

    /// <summary>Why the job failed or was stopped.</summary>
    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<GeneratedImage> Images { get; set; } = [];
}
