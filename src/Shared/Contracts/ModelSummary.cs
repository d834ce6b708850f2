namespace MelanoGans.Shared.Contracts;

/// <summary>A registered generator as the models page lists it.</summary>
/// <param name="Name">Display name, also the <c>source</c> of its images in the ratings table.</param>
/// <param name="Architecture">dcgan, lapgan, ddgan-upsample or ddgan-deconv.</param>
/// <param name="Resolution">Side of the square output in pixels.</param>
/// <param name="Inputs">The latent inputs, e.g. "z [64]" or "z0 [64], z1 [1, 64, 64]".</param>
/// <param name="Dataset">The dataset it was trained on (the last part of the trainer's path).</param>
/// <param name="Class">The class filter of the training run, or null for all classes.</param>
/// <param name="Step">Training step of the exported weights.</param>
/// <param name="Origin">Where it came from: "demo", "upload", "training job 12".</param>
/// <param name="SampleSha256s">Sample images made by the validation inference (image store addresses).</param>
/// <param name="HeldOut">The experiment test split its training left out, if any.</param>
public sealed record ModelSummary(
    int Id,
    string Name,
    string Architecture,
    int Resolution,
    string Inputs,
    string Dataset,
    string? Class,
    long Step,
    string Sha256,
    string Origin,
    long FileBytes,
    IReadOnlyList<string> SampleSha256s,
    DateTimeOffset CreatedAt,
    HeldOutSplit? HeldOut = null);
