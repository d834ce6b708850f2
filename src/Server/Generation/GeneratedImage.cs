namespace MelanoGans.Server.Generation;

/// <summary>One generated image: its content address and the seed that regenerates it.</summary>
public sealed class GeneratedImage
{
    public long Id { get; set; }

    public int PoolId { get; set; }

    public GeneratedPool? Pool { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the stored PNG in the image store.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Latent seed: the same model and seed give the same image.</summary>
    public long Seed { get; set; }
}
