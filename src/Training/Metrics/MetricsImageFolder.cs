using MelanoGans.Training.Data;

namespace MelanoGans.Training.Metrics;

/// <summary>
/// The PNG and JPEG files directly in a folder, in ordinal order of file name (the row order of
/// <c>--features-out</c>), checked to share one size.
/// </summary>
/// <remarks>
/// Feature metrics move with resampling: a set mixing sizes would put differently resampled images side by side,
/// so it is refused unless the caller allows it explicitly.
/// </remarks>
public static class MetricsImageFolder
{
    /// <summary>The folder's image files, and the one size they share (null when mixed sizes were allowed).</summary>
    /// <exception cref="InvalidDataException">No such folder, no images, or mixed sizes not allowed.</exception>
    public static (IReadOnlyList<string> Files, int? Size) Load(string directory, string role, bool allowMixedSizes = false)
    {
        var path = Path.GetFullPath(directory);
        if (!Directory.Exists(path))
        {
            throw new InvalidDataException($"{role} folder not found: {directory}");
        }

        var files = Directory.EnumerateFiles(path)
            .Where(f => ImageDecoding.Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"the {role} folder {path} has no PNG or JPEG files");
        }

        var sizes = files.AsParallel().AsOrdered().Select(f => (File: f, Size: ImageDecoding.Identify(f))).ToList();
        var distinct = sizes.Select(s => s.Size).Distinct().ToList();
        if (distinct.Count > 1 && !allowMixedSizes)
        {
            var shown = string.Join(", ", distinct.Take(3).Select(s => $"{s.Width}x{s.Height}"));
            throw new InvalidDataException(
                $"the {role} folder mixes image sizes ({shown}{(distinct.Count > 3 ? ", ..." : string.Empty)}); resize it to one size first, or pass --allow-mixed-sizes");
        }

        var only = distinct[0];
        return (files, distinct.Count == 1 && only.Width == only.Height ? only.Width : null);
    }
}
