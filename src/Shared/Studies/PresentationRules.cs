namespace MelanoGans.Shared.Studies;

/// <summary>
/// Like-for-like presentation (issue 14): every item is shown at one size, and no source may be upscaled to reach
/// it. An upscaled source is softer than the others, which a rater learns to see: the answer would follow the
/// resolution, not the realism. Downscaling to a common size is allowed.
/// </summary>
public static class PresentationRules
{
    /// <summary>The one resampling filter every item goes through when a study is frozen, reals and fakes alike.</summary>
    public const string ResizeFilter = "bicubic";

    /// <summary>The size proposed for a set of sources: the smallest native resolution (null without sources).</summary>
    public static int? ProposedSize(IEnumerable<PresentationSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var sizes = sources.Select(s => s.NativeResolution).Where(r => r > 0).ToList();
        return sizes.Count == 0 ? null : sizes.Min();
    }

    /// <summary>One sentence per source that <paramref name="size"/> would upscale; empty when none would be.</summary>
    public static IReadOnlyList<string> Upscaled(IEnumerable<PresentationSource> sources, int size)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return sources.Where(s => s.NativeResolution > 0 && s.NativeResolution < size)
            .Select(s => $"the {(s.IsReal ? "reals" : "fakes")} from {s.Name} would be upscaled from {s.NativeResolution} to {size} px, a visible giveaway")
            .ToList();
    }
}
