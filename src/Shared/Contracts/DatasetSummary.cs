namespace MelanoGans.Shared.Contracts;

/// <summary>A dataset as lists and pickers show it.</summary>
/// <param name="Kind">Phantom, Isic or LabelledFolder.</param>
/// <param name="State">Building, Ready or Failed.</param>
/// <param name="CountsByLabel">Images per class label (ISIC names), in ISIC order then alphabetical.</param>
/// <param name="Message">Why building failed or a short summary of what was skipped.</param>
/// <param name="SkippedCount">How many items the last import skipped; the full list comes from the catalog.</param>
public sealed record DatasetSummary(
    int Id,
    string Name,
    string Kind,
    int Resolution,
    string State,
    int ImageCount,
    int ExpectedCount,
    IReadOnlyList<LabelCount> CountsByLabel,
    string? Source,
    string? Message,
    DateTimeOffset CreatedAt,
    int SkippedCount = 0);
