namespace MelanoGans.Shared.Contracts;

/// <summary>Names a set of images to compare: a dataset (optionally one class) or a generated pool.</summary>
/// <param name="IsPool">False: <paramref name="Id"/> is a dataset; true: a generated pool.</param>
/// <param name="Label">Restrict a dataset to one class label; null for all images.</param>
public sealed record ImageSetRef(bool IsPool, int Id, string? Label);
