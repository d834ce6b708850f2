using System.Text.Json;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Studies;

/// <summary>
/// A diagnosis study's reals per lesion class as it is stored: a JSON object of ISIC names to counts
/// (<c>{"melanoma":20,"nevus":20}</c>), classes with no image left out.
/// </summary>
public static class ClassMix
{
    /// <summary>The stored text of <paramref name="counts"/>; null when no class has an image.</summary>
    public static string? Format(IEnumerable<LabelCount> counts)
    {
        var kept = counts.Where(c => c.Count > 0).ToDictionary(c => c.Label, c => c.Count);
        return kept.Count == 0 ? null : JsonSerializer.Serialize(kept);
    }

    /// <summary>The counts of a stored text, in its order; empty for null.</summary>
    public static List<LabelCount> Parse(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : JsonSerializer.Deserialize<Dictionary<string, int>>(text)!.Select(p => new LabelCount(p.Key, p.Value)).ToList();
}
