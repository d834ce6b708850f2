namespace MelanoGans.Shared.Contracts;

/// <summary>How many images carry a class label.</summary>
public sealed record LabelCount(string Label, int Count);
