namespace MelanoGans.Shared.Contracts;

/// <summary>Layout of a folder to import.</summary>
public enum DatasetImportFormat
{
    /// <summary>ISIC 2017: <c>ISIC_nnnnnnn.jpg</c> files and <c>image_id,melanoma,seborrheic_keratosis</c>.</summary>
    Isic,
    /// <summary>Any image files and a <c>file,label</c> CSV.</summary>
    LabelledFolder,
}
