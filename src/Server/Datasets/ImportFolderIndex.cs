namespace MelanoGans.Server.Datasets;

/// <summary>
/// The image files of an import folder by name: exact names first, then a case-insensitive match when only
/// one file fits (ISIC CSVs and file systems disagree on case), then the name with an image extension.
/// </summary>
internal sealed class ImportFolderIndex
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    private readonly Dictionary<string, string> _exact;
    private readonly Dictionary<string, string> _folded;

    public ImportFolderIndex(string folder)
    {
        var files = Directory.EnumerateFiles(folder).Where(ImportRoots.IsImageFile).ToList();
        _exact = files.ToDictionary(f => Path.GetFileName(f), StringComparer.Ordinal);
        // good2.png and GOOD2.PNG may both exist on Linux: then only the exact name finds either.
        _folded = files.GroupBy(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The path of the image <paramref name="file"/> names, or null.</summary>
    public string? Find(string file) =>
        Lookup(file) ?? (Path.HasExtension(file) ? null : Extensions.Select(ext => Lookup(file + ext)).FirstOrDefault(p => p is not null));

    private string? Lookup(string name) => _exact.GetValueOrDefault(name) ?? _folded.GetValueOrDefault(name);
}
