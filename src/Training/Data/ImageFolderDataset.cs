using System.Globalization;
using static TorchSharp.torch;

namespace MelanoGans.Training.Data;

/// <summary>
/// An image folder (PNG/JPEG, searched recursively) preprocessed once: centre crop, resize, RGB. An optional
/// <c>manifest.csv</c> (columns file,label; file relative to the folder) selects one class with <c>--class</c>.
/// Images are held as bytes (2000 images at 256x256 take 390 MB) and scaled to [-1, 1] per batch.
/// </summary>
public sealed class ImageFolderDataset
{
    /// <summary>Name of the optional label file at the root of a dataset folder.</summary>
    public const string ManifestFileName = "manifest.csv";

    private readonly byte[][] images;

    private ImageFolderDataset(int resolution, byte[][] images, IReadOnlyList<string> files)
    {
        Resolution = resolution;
        this.images = images;
        Files = files;
    }

    public int Resolution { get; }

    public int Count => images.Length;

    /// <summary>Paths relative to the dataset folder, in the (sorted) order the indices refer to.</summary>
    public IReadOnlyList<string> Files { get; }

    public static ImageFolderDataset Load(string folder, int resolution, string? className)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"dataset folder '{folder}' does not exist");
        }

        var files = className is null ? AllImages(folder) : ClassImages(folder, className);
        if (files.Count == 0)
        {
            throw new InvalidDataException(className is null
                ? $"dataset folder '{folder}' holds no PNG or JPEG images"
                : $"dataset folder '{folder}' has no images of class '{className}' in {ManifestFileName}");
        }

        var images = new byte[files.Count][];
        Parallel.For(0, files.Count, i => images[i] = ImageDecoding.LoadSquareRgb(Path.Combine(folder, files[i]), resolution));
        return new ImageFolderDataset(resolution, images, files);
    }

    /// <summary>Image <paramref name="index"/> as 8-bit RGB (for the in-loop metric's feature network).</summary>
    public Shared.Imaging.RgbImage Image(int index) => new(Resolution, Resolution, images[index]);

    /// <summary>The images at <paramref name="indices"/> as N x 3 x R x R floats in [-1, 1].</summary>
    public Tensor Batch(ReadOnlySpan<int> indices) => ImageDecoding.ToTensor(images, indices, Resolution);

    private static List<string> AllImages(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => ImageDecoding.Extensions.Contains(Path.GetExtension(f)))
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> ClassImages(string folder, string className) =>
        DatasetManifest.Read(folder, $"--class needs {ManifestFileName} (file,label) in '{folder}'")
            .Where(row => string.Equals(row.Label, className, StringComparison.OrdinalIgnoreCase))
            .Select(row => row.File)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A short description for logs.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Count} images at {Resolution}x{Resolution}");
}
