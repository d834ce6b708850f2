namespace MelanoGans.Server.Images;

/// <summary>An image of a source (a dataset or a generated pool): its row id and content address in the image store.</summary>
/// <param name="Label">A dataset image's class label; null for a generated image (its pool carries the class).</param>
public sealed record SourceImage(long Id, string Sha256, string? Label = null);
