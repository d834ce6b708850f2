using MelanoGans.Server.Configuration;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// The configured import roots and the folders under them that look importable. A path is inside only when
/// both its written form and its real path (every symbolic link followed) lie under a root, so a link
/// cannot lead an import out of the roots.
/// </summary>
public sealed class ImportRoots
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    private readonly IReadOnlyList<string> _realRoots;

    public ImportRoots(IOptions<ImportOptions> import, IOptions<StudioOptions> studio)
    {
        var data = studio.Value.DataDirectoryFullPath;
        var roots = import.Value.Roots.Count > 0 ? import.Value.Roots : ["imports"];
        Roots = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r, data))).ToList();
        // A root may itself be reached through a link (/tmp on macOS): compare real paths with real roots.
        _realRoots = Roots.Select(RealPath.Resolve).ToList();
    }

    /// <summary>Absolute paths of the roots.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>
    /// True when <paramref name="path"/> is a root or lies below one, both as written (after resolving "..")
    /// and once every symbolic link on the way is followed.
    /// </summary>
    public bool Contains(string path) => Below(Roots, Path.GetFullPath(path)) && RealPathInside(path) is not null;

    /// <summary>Null when <paramref name="path"/> may be imported from; otherwise why not, for the admin.</summary>
    public string? WhyOutside(string path)
    {
        // A NUL or another control character is no file name, and Path.GetFullPath throws on some of them.
        if (string.IsNullOrWhiteSpace(path) || path.Any(char.IsControl)) return "The folder or CSV path is empty or holds a control character.";
        if (!Below(Roots, Path.GetFullPath(path))) return "Folder and CSV must lie under a configured import root.";
        return RealPathInside(path) is null
            ? $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(path))} links outside the import root."
            : null;
    }

    /// <summary>The real path of <paramref name="path"/> when it lies under a root, else null (it links outside).</summary>
    public string? RealPathInside(string path)
    {
        string real;
        try
        {
            real = RealPath.Resolve(path);
        }
        catch (IOException)
        {
            return null; // a link loop leads nowhere we may read
        }
        return Below(_realRoots, real) ? real : null;
    }

    private static bool Below(IReadOnlyList<string> roots, string path)
    {
        var full = Path.TrimEndingDirectorySeparator(path);
        return roots.Any(root => full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>True for a path under a root that is a regular file once links are followed: safe to open.</summary>
    public bool IsRegularFileInside(string path) => RealPathInside(path) is { } real && FileKinds.Of(real) == FileKind.Regular;

    /// <summary>True for the file names an import reads: .png, .jpg and .jpeg in any case.</summary>
    public static bool IsImageFile(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Folders (roots and two levels below) holding images, with the CSVs in them or their parent. Folders,
    /// images and CSVs that link outside the roots, and anything that is not a regular file, are not offered.
    /// </summary>
    public IReadOnlyList<ImportFolderCandidate> FindCandidates()
    {
        var found = new List<ImportFolderCandidate>();
        foreach (var root in Roots.Where(Directory.Exists))
        {
            var folders = new[] { root }
                .Concat(Directory.EnumerateDirectories(root))
                .Concat(Directory.EnumerateDirectories(root).Where(d => Contains(d)).SelectMany(Directory.EnumerateDirectories));
            foreach (var folder in folders.Where(f => Contains(f)))
            {
                var images = Directory.EnumerateFiles(folder).Where(IsImageFile).Count(IsRegularFileInside);
                if (images == 0) continue;
                var parent = Path.GetDirectoryName(folder);
                // Reading a CSV's header opens it: a FIFO named *.csv would hang the page.
                var csvs = Directory.EnumerateFiles(folder, "*.csv")
                    .Concat(parent is not null && Contains(parent) ? Directory.EnumerateFiles(parent, "*.csv") : [])
                    .Where(IsRegularFileInside)
                    .Order(StringComparer.Ordinal).Select(csv => new ImportCsvFile(csv, DetectFormat(csv))).ToList();
                if (csvs.Count > 0) found.Add(new ImportFolderCandidate(folder, csvs, images));
            }
        }
        return found;
    }

    /// <summary>The layout a CSV's header names, so the import form can preselect it.</summary>
    private static DatasetImportFormat? DetectFormat(string csv)
    {
        using var reader = new StreamReader(csv);
        var header = reader.ReadLine()?.Trim().TrimStart('\uFEFF').ToLowerInvariant() ?? "";
        return header.StartsWith("image_id,", StringComparison.Ordinal) ? DatasetImportFormat.Isic
            : header.StartsWith("file,", StringComparison.Ordinal) ? DatasetImportFormat.LabelledFolder
            : null;
    }
}
