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
        var rows = DatasetManifest.Read(folder, $"the experiment needs labels: {ImageFolderDataset.ManifestFileName} (file,label) is missing in '{folder}'");
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{Path.Combine(folder, ImageFolderDataset.ManifestFileName)} lists no images");
        }

        // The reader refuses a file listed twice, which could land in both the training and the test split.
        return (rows.Select(r => r.File).ToArray(), rows.Select(r => r.Label).ToArray());
    }
}
