using MelanoGans.Shared.Experiments;
using MelanoGans.Training.Data;
using static TorchSharp.torch;

namespace MelanoGans.Training.Experiments;

/// <summary>
/// The real images of a dataset folder listed in its manifest.csv, decoded once (centre crop, resize, RGB bytes)
/// with a binary label: melanoma or not. Synthetic images join training sets as the same RGB byte layout.
/// </summary>
internal sealed class LabelledImages
{
    private LabelledImages(int resolution, IReadOnlyList<string> files, IReadOnlyList<string> labels, byte[][] pixels)
    {
        Resolution = resolution;
        Files = files;
        Labels = labels;
        Pixels = pixels;
        IsMelanoma = labels.Select(IsMelanomaLabel).ToArray();
    }

    public int Resolution { get; }

    /// <summary>Paths relative to the dataset folder, in manifest order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The manifest label of each image.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>H x W x 3 RGB bytes of each image.</summary>
    public IReadOnlyList<byte[]> Pixels { get; }

    public IReadOnlyList<bool> IsMelanoma { get; }

    public int Count => Files.Count;

    public static bool IsMelanomaLabel(string label) => ImbalanceSplitPlan.IsMelanoma(label);

    public static LabelledImages Load(string folder, int resolution)
    {
        var (files, labels) = ReadManifest(folder);
        var pixels = new byte[files.Count][];
        Parallel.For(0, files.Count, i => pixels[i] = ImageDecoding.LoadSquareRgb(Path.Combine(folder, files[i]), resolution));
        return new LabelledImages(resolution, files, labels, pixels);
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

    /// <summary>The images at <paramref name="indices"/> of <paramref name="pixels"/> as N x 3 x R x R floats in [-1, 1].</summary>
    public static Tensor Batch(IReadOnlyList<byte[]> pixels, ReadOnlySpan<int> indices, int resolution)
    {
        var plane = resolution * resolution;
        var values = new float[indices.Length * 3 * plane];
        for (var n = 0; n < indices.Length; n++)
        {
            var source = pixels[indices[n]];
            var offset = n * 3 * plane;
            for (var p = 0; p < plane; p++)
            {
                for (var c = 0; c < 3; c++)
                {
                    values[offset + (c * plane) + p] = (source[(p * 3) + c] / 127.5f) - 1f;
                }
            }
        }

        return tensor(values, [indices.Length, 3, resolution, resolution]);
    }
}
