namespace MelanoGans.Shared.Contracts;

/// <summary>One fixed-latent sample grid of a run.</summary>
/// <param name="Sha256">Content address in the image store.</param>
public sealed record TrainingGridView(long Step, string Sha256, DateTimeOffset CreatedAt);
