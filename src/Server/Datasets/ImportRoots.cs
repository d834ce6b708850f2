using MelanoGans.Server.Configuration;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Datasets;

/// <summary>The configured import roots and the folders under them that look importable.</summary>
public sealed class ImportRoots
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    public ImportRoots(IOptions<ImportOptions> import, IOptions<StudioOptions> studio)
    {
        var data = studio.Value.DataDirectoryFullPath;
        var roots = import.Value.Roots.Count > 0 ? import.Value.Roots : ["imports"];
        Roots = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r, data))).ToList();
    }

    /// <summary>Absolute paths of the roots.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>True when <paramref name="path"/> is a root or lies below one (after resolving "..").</summary>
    public bool Contains(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return Roots.Any(root => full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    public static bool IsImageFile(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Folders (roots and two levels below) holding images, with the CSVs in them or their parent.</summary>
    public IReadOnlyList<ImportFolderCandidate> FindCandidates()
    {
        var found = new List<ImportFolderCandidate>();
        foreach (var root in Roots.Where(Directory.Exists))
        {
            var folders = new[] { root }
                .Concat(Directory.EnumerateDirectories(root))
                .Concat(Directory.EnumerateDirectories(root).SelectMany(Directory.EnumerateDirectories));
            foreach (var folder in folders)
            {
                var images = Directory.EnumerateFiles(folder).Count(IsImageFile);
                if (images == 0) continue;
                var parent = Path.GetDirectoryName(folder);
                var csvs = Directory.EnumerateFiles(folder, "*.csv")
                    .Concat(parent is not null && Contains(parent) ? Directory.EnumerateFiles(parent, "*.csv") : [])
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
