namespace MelanoGans.Shared.Datasets;

/// <summary>One image of the ISIC 2017 ground truth.</summary>
/// <param name="Line">The 1-based line it came from.</param>
/// <param name="ImageId">The ISIC image id, e.g. <c>ISIC_0000000</c> (the file is <c>&lt;id&gt;.jpg</c>).</param>
/// <param name="Class">Melanoma, seborrheic keratosis, or nevus when neither flag is set.</param>
public sealed record IsicGroundTruthRow(int Line, string ImageId, LesionClass Class);
