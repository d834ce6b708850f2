namespace MelanoGans.Shared.Contracts;

/// <summary>One gallery tile: the image's content address (its URL is <c>/api/images/{Sha256}.png</c>).</summary>
public sealed record DatasetImageView(long Id, string Sha256, string Label, string Origin);
