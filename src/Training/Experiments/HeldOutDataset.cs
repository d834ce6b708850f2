using System.Globalization;
using System.Text;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Training.Experiments;

/// <summary>
/// A dataset folder without an imbalance experiment's test split: a sibling folder of symbolic links to the other
/// images and their manifest rows, so a GAN trained on it never sees the real images its synthetic melanomas are
/// judged against. The split is the experiment's own (<see cref="ExperimentSplit.TestIndices"/> over the manifest).
/// </summary>
internal static class HeldOutDataset
{
    private const string CompleteMarker = ".complete";

    /// <summary>The folder to train on (made once, then reused: a resumed run finds the same images).</summary>
    public static string Prepare(string folder, HeldOutSplit split, TextWriter log)
    {
        var target = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)
            + string.Create(CultureInfo.InvariantCulture, $".heldout-{split.TestFraction}-{split.SplitSeed}");
        if (File.Exists(Path.Combine(target, CompleteMarker))) return target;
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);

        var (files, labels) = LabelledImages.ReadManifest(folder);
        var test = ExperimentSplit.TestIndices(labels, split.TestFraction, split.SplitSeed);
        Directory.CreateDirectory(target);
        var manifest = new StringBuilder("file,label\n");
        for (var i = 0; i < files.Count; i++)
        {
            if (test.Contains(i)) continue;
            var link = Path.Combine(target, files[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            Link(link, Path.GetFullPath(Path.Combine(folder, files[i])));
            manifest.Append(files[i]).Append(',').Append(labels[i]).Append('\n');
        }

        File.WriteAllText(Path.Combine(target, Data.ImageFolderDataset.ManifestFileName), manifest.ToString());
        File.WriteAllText(Path.Combine(target, CompleteMarker), split.ToString());
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"held out the experiment test split ({split}): {test.Count} of {files.Count} images left out"));
        return target;
    }

    /// <summary>A symbolic link, or a copy where links need rights the worker lacks (Windows without developer mode).</summary>
    private static void Link(string link, string target)
    {
        try
        {
            File.CreateSymbolicLink(link, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Copy(target, link, overwrite: true);
        }
    }
}
