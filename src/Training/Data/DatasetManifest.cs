using MelanoGans.Shared.Datasets;

namespace MelanoGans.Training.Data;

/// <summary>
/// The <c>manifest.csv</c> (<c>file,label</c>) of a dataset folder, read by the one file,label reader
/// (<see cref="LabelledFileCsv.ParseLabels"/>) for both the trainer's <c>--class</c> and the imbalance experiment.
/// </summary>
internal static class DatasetManifest
{
    /// <summary>The rows in manifest order.</summary>
    /// <param name="folder">The dataset folder.</param>
    /// <param name="missing">The one-line reason to give when the folder has no manifest.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The folder has no manifest (with <paramref name="missing"/>).</exception>
    /// <exception cref="InvalidDataException">A malformed manifest: the first problem with its line.</exception>
    public static IReadOnlyList<LabelledPath> Read(string folder, string missing)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"dataset folder '{folder}' does not exist");
        }

        var path = Path.Combine(folder, ImageFolderDataset.ManifestFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(missing, path);
        }

        using var reader = new StreamReader(path);
        var parsed = LabelledFileCsv.ParseLabels(reader);
        if (!parsed.IsValid)
        {
            var more = parsed.Errors.Count > 1 ? $" (and {parsed.Errors.Count - 1} more)" : string.Empty;
            throw new InvalidDataException($"{path} {parsed.Errors[0]}{more}");
        }

        return parsed.Rows;
    }
}
