namespace MelanoGans.Server.Images;

/// <summary>An image of a source (a dataset or a generated pool): its row id and content address in the image store.</summary>
public sealed record SourceImage(long Id, string Sha256);
