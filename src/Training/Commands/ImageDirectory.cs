using System.Collections.Concurrent;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using MelanoGans.Training.Data;

namespace MelanoGans.Training.Commands;

/// <summary>
/// The PNG and JPEG files directly in a folder, decoded under the codec's limits into colour histograms,
/// labelled by the folder's <c>manifest.csv</c> (<c>file,label</c>) when there is one.
/// </summary>
internal sealed class ImageDirectory
{
    private ImageDirectory(string path, ClassColourHistograms histograms)
    {
        Path = path;
        Histograms = histograms;
    }

    public string Path { get; }

    public ClassColourHistograms Histograms { get; }

    /// <exception cref="ImageDirectoryException">Missing folder, no images, a bad manifest or an undecodable file.</exception>
    public static ImageDirectory Load(string directory)
    {
        var path = System.IO.Path.GetFullPath(directory);
        if (!Directory.Exists(path))
        {
            throw new ImageDirectoryException($"folder not found: {directory}");
        }

        var files = Directory.EnumerateFiles(path)
            .Where(f => ImageDecoding.Extensions.Contains(System.IO.Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ImageDirectoryException($"no PNG or JPEG files in {path}");
        }

        var labels = ReadLabels(path);
        var partials = new ConcurrentBag<ClassColourHistograms>();
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(
            files,
            () => new ClassColourHistograms(),
            (file, state, local) =>
            {
                try
                {
                    var name = System.IO.Path.GetFileName(file);
                    local.Add(ImageCodec.DecodeFile(file), labels.TryGetValue(name, out var c) ? c : null);
                }
                catch (ImageDecodeException ex)
                {
                    failures.Add($"{file}: {ex.Message}");
                    state.Stop();
                }

                return local;
            },
            partials.Add);

        if (!failures.IsEmpty)
        {
            throw new ImageDirectoryException(failures.Order(StringComparer.Ordinal).First());
        }

        // Integer counts: the merge order does not change the result.
        var histograms = new ClassColourHistograms();
        foreach (var partial in partials)
        {
            histograms.Add(partial);
        }

        return new ImageDirectory(path, histograms);
    }

    private static Dictionary<string, LesionClass> ReadLabels(string path)
    {
        var manifest = System.IO.Path.Combine(path, PhantomCommand.ManifestFileName);
        var labels = new Dictionary<string, LesionClass>(StringComparer.Ordinal);
        if (!File.Exists(manifest))
        {
            return labels;
        }

        CsvParseResult<LabelledFile> parsed;
        try
        {
            using var reader = new StreamReader(manifest);
            parsed = LabelledFileCsv.Parse(reader);
        }
        catch (IOException ex)
        {
            throw new ImageDirectoryException($"cannot read {manifest}: {ex.Message}");
        }

        if (!parsed.IsValid)
        {
            throw new ImageDirectoryException($"{manifest} {parsed.Errors[0]}");
        }

        foreach (var row in parsed.Rows)
        {
            labels[row.File] = row.Class;
        }

        return labels;
    }
}
