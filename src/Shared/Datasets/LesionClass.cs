namespace MelanoGans.Shared.Datasets;

/// <summary>The three diagnostic classes of the ISIC 2017 challenge (part 3), as used by the study.</summary>
/// <remarks>Stored by name, not by number; the ISIC spelling is given by <see cref="LesionClassNames"/>.</remarks>
public enum LesionClass
{
    /// <summary>Malignant melanoma; ISIC name <c>melanoma</c>.</summary>
    Melanoma,

    /// <summary>Seborrheic keratosis, a benign epidermal tumour; ISIC name <c>seborrheic_keratosis</c>.</summary>
    SeborrheicKeratosis,

    /// <summary>Benign melanocytic nevus; ISIC name <c>nevus</c> (the class with neither flag set).</summary>
    Nevus,
}
