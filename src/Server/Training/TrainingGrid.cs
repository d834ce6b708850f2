namespace MelanoGans.Server.Training;

/// <summary>A fixed-latent sample grid of a run at one step; the PNG lives in the image store.</summary>
public sealed class TrainingGrid
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public long Step { get; set; }

    public required string Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
