namespace MelanoGans.Shared.Statistics;

/// <summary>How many answers on one item carried an artifact tag.</summary>
public sealed record TagCount(string Tag, int Count);
