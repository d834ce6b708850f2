using System.Diagnostics.CodeAnalysis;

namespace MelanoGans.Shared.Datasets;

/// <summary>The ISIC spelling of each <see cref="LesionClass"/>, used in CSV files, manifests and JSON.</summary>
public static class LesionClassNames
{
    /// <summary>ISIC name of <see cref="LesionClass.Melanoma"/>.</summary>
    public const string Melanoma = "melanoma";

    /// <summary>ISIC name of <see cref="LesionClass.SeborrheicKeratosis"/>.</summary>
    public const string SeborrheicKeratosis = "seborrheic_keratosis";

    /// <summary>ISIC name of <see cref="LesionClass.Nevus"/>.</summary>
    public const string Nevus = "nevus";

    /// <summary>All classes in the order the ISIC ground truth lists them.</summary>
    public static IReadOnlyList<LesionClass> All { get; } =
        [LesionClass.Melanoma, LesionClass.SeborrheicKeratosis, LesionClass.Nevus];

    /// <summary>The ISIC name of <paramref name="lesionClass"/>.</summary>
    public static string ToIsicName(this LesionClass lesionClass) => lesionClass switch
    {
        LesionClass.Melanoma => Melanoma,
        LesionClass.SeborrheicKeratosis => SeborrheicKeratosis,
        LesionClass.Nevus => Nevus,
        _ => throw new ArgumentOutOfRangeException(nameof(lesionClass), lesionClass, "Unknown lesion class."),
    };

    /// <summary>
    /// Parses an ISIC name (<c>seborrheic_keratosis</c>) or an enum name (<c>SeborrheicKeratosis</c>),
    /// ignoring case and surrounding blanks; hand-written label files use both.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LesionClass? lesionClass)
    {
        lesionClass = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var candidate in All)
        {
            if (string.Equals(key, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                lesionClass = candidate;
                return true;
            }
        }

        return false;
    }
}
