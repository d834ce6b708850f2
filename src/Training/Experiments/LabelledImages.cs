using MelanoGans.Shared.Experiments;
using MelanoGans.Training.Data;

namespace MelanoGans.Training.Experiments;

/// <summary>
/// The real images of a dataset folder listed in its manifest.csv, decoded once (centre crop, resize, RGB bytes)
/// with a binary label: melanoma or not. Synthetic images join training sets as the same RGB byte layout.
/// </summary>
internal sealed class LabelledImages
{
    private LabelledImages(IReadOnlyList<string> files, IReadOnlyList<string> labels, byte[][] pixels)
    {
        Files = files;
        Labels = labels;
        Pixels = pixels;
        IsMelanoma = labels.Select(ImbalanceSplitPlan.IsMelanoma).ToArray();
    }

    /// <summary>Paths relative to the dataset folder, in manifest order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The manifest label of each image.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>H x W x 3 RGB bytes of each image.</summary>
    public IReadOnlyList<byte[]> Pixels { get; }

    public IReadOnlyList<bool> IsMelanoma { get; }

    public int Count => Files.Count;

    public static LabelledImages Load(string folder, int resolution)
    {
        var (files, labels) = ReadManifest(folder);
        var pixels = new byte[files.Count][];
        Parallel.For(0, files.Count, i => pixels[i] = ImageDecoding.LoadSquareRgb(Path.Combine(folder, files[i]), resolution));
        return new LabelledImages(files, labels, pixels);
    }

    /// <summary>The files (relative to <paramref name="folder"/>) and labels of its manifest.csv, in manifest order.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Labels) ReadManifest(string folder)
    {
        var manifest = Path.Combine(folder, ImageFolderDataset.ManifestFileName);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"dataset folder '{folder}' does not exist");
        }

        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException($"the experiment needs labels: {ImageFolderDataset.ManifestFileName} (file,label) is missing in '{folder}'");
        }

        var files = new List<string>();
        var labels = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(manifest))
        {
            var cells = line.Split(',');
            if (cells.Length < 2 || cells[0].Trim().Equals("file", StringComparison.OrdinalIgnoreCase) || cells[0].Trim().Length == 0)
            {
                continue;
            }

            var file = Path.GetRelativePath(folder, Path.GetFullPath(Path.Combine(folder, cells[0].Trim())));

            // A file listed twice could land in both the training and the test split.
            if (!seen.Add(file))
            {
                throw new InvalidDataException($"{manifest}: '{file}' is listed more than once");
            }

            files.Add(file);
            labels.Add(cells[1].Trim());
        }

        if (files.Count == 0)
        {
            throw new InvalidDataException($"{manifest} lists no images");
        }

        return (files, labels);
    }
}
