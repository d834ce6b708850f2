namespace MelanoGans.Shared.Contracts;

/// <summary>A slice of a generated pool's gallery, in seed order, and the pool's image count.</summary>
public sealed record GeneratedImagePage(IReadOnlyList<GeneratedImageView> Images, int Total);
