namespace MelanoGans.Shared.Contracts;

/// <summary>A slice of a gallery and the number of images in the whole filtered set.</summary>
public sealed record ImagePage(IReadOnlyList<DatasetImageView> Images, int Total);
