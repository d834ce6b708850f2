namespace MelanoGans.Server.Datasets;

/// <summary>Where a dataset's images came from.</summary>
public enum DatasetKind
{
    /// <summary>Rendered by the built-in dermoscopy phantom.</summary>
    Phantom,
    /// <summary>Imported from the ISIC 2017 archive (images + ground-truth CSV).</summary>
    Isic,
    /// <summary>Imported from a folder with a <c>file,label</c> CSV.</summary>
    LabelledFolder,
}
