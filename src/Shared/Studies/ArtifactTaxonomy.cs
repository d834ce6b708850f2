namespace MelanoGans.Shared.Studies;

/// <summary>The artifact tags a new study starts with (issue 6); leads edit the list per study.</summary>
public static class ArtifactTaxonomy
{
    /// <summary>The most tags a study may offer: each needs its own key (a-z) on the rating page.</summary>
    public const int MaxTags = 26;

    /// <summary>The default list, in the order the rating page shows them.</summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "checkerboard or grid pattern",
        "colour blotches or noise",
        "blurred or smeared texture",
        "implausible border",
        "implausible pigment network",
        "repeated patterns",
        "implausible hair",
        "implausible ruler or marking",
        "vignette inconsistency",
        "other",
    ];

    /// <summary>The key that toggles the tag at <paramref name="index"/>: a, b, c, ...</summary>
    public static char KeyOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxTags);
        return (char)('a' + index);
    }
}
