using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Text;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans import-isic</c>: turns the ISIC 2017 archive (images + ground-truth CSV) into a
/// training folder: centre-cropped, resized PNGs without metadata named <c>&lt;image_id&gt;.png</c> and a
/// <c>manifest.csv</c> (<c>file,label</c>), the layout <c>train --dataset</c> and the server's
/// <c>file,label</c> import read. Images already converted are kept, so a re-run resumes.
/// </summary>
internal static class ImportIsicCommand
{
    public static Command Create()
    {
        var images = new Option<string>("--images") { Description = "Folder with the ISIC images (ISIC_nnnnnnn.jpg).", Required = true };
        var csv = new Option<string>("--csv") { Description = "Ground-truth CSV: image_id,melanoma,seborrheic_keratosis.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write the PNGs and manifest.csv into (created if missing).", Required = true };
        var resolution = new Option<int>("--resolution") { Description = "Side of the square output images (32..512).", DefaultValueFactory = _ => PhantomRenderer.DefaultSize };
        var json = CommandOutput.JsonOption();
        var command = new Command("import-isic", "Convert the ISIC 2017 archive (images + ground-truth CSV) into a training folder.")
        {
            images, csv, output, resolution, json,
        };
        command.SetAction(parse => CommandOutput.Run(parse, () => Run(parse, parse.GetValue(images)!, parse.GetValue(csv)!, parse.GetValue(output)!,
            parse.GetValue(resolution), parse.GetValue(json))));
        return command;
    }

    private static int Run(ParseResult parse, string images, string csvPath, string output, int resolution, bool json)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        int Fail(string reason) => CommandOutput.Fail(parse, reason);

        if (resolution is < PhantomRenderer.MinSize or > PhantomRenderer.MaxSize)
            return Fail($"--resolution must be between {PhantomRenderer.MinSize} and {PhantomRenderer.MaxSize}, got {resolution}");
        if (!Directory.Exists(images)) return Fail($"no such folder: {images}");
        if (!File.Exists(csvPath)) return Fail($"no such file: {csvPath}");

        var parsed = IsicGroundTruthCsv.Parse(File.ReadAllText(csvPath));
        if (parsed.Errors.Count > 0)
            return Fail($"{Path.GetFileName(csvPath)} line {parsed.Errors[0].Line}: {parsed.Errors[0].Message} ({parsed.Errors.Count} error(s); nothing was imported)");
        if (parsed.Rows.Count == 0) return Fail($"{Path.GetFileName(csvPath)} lists no images");

        Directory.CreateDirectory(output);
        var files = Directory.EnumerateFiles(images).ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase);
        var problems = new ConcurrentBag<string>();
        var written = new ConcurrentBag<IsicGroundTruthRow>();
        var done = 0;
        Parallel.ForEach(parsed.Rows, row =>
        {
            var target = Path.Combine(output, row.ImageId + ".png");
            try
            {
                if (!File.Exists(target))
                {
                    if (!files.TryGetValue(row.ImageId, out var source)) throw new ImageDecodeException("no such image in the folder");
                    var png = ImageCodec.NormaliseFile(source, resolution).Png;
                    File.WriteAllBytes(target + ".tmp", png);
                    File.Move(target + ".tmp", target, overwrite: true);
                }
                written.Add(row);
            }
            catch (ImageDecodeException e)
            {
                problems.Add($"{row.ImageId}: {e.Message}");
            }
            var n = Interlocked.Increment(ref done);
            if (!json && (n % 50 == 0 || n == parsed.Rows.Count))
                lock (stderr) stderr.Write($"\rimport-isic: {n}/{parsed.Rows.Count}");
        });
        if (!json) stderr.WriteLine();

        var manifest = new StringBuilder("file,label\n");
        foreach (var row in written.OrderBy(r => r.ImageId, StringComparer.Ordinal))
            manifest.Append(CultureInfo.InvariantCulture, $"{row.ImageId}.png,{row.Class.ToIsicName()}\n");
        File.WriteAllText(Path.Combine(output, PhantomCommand.ManifestFileName), manifest.ToString());

        var counts = written.GroupBy(r => r.Class.ToIsicName()).ToDictionary(g => g.Key, g => g.Count());
        if (json)
            CommandOutput.Json(parse, new { Output = Path.GetFullPath(output), Resolution = resolution, Images = written.Count, Counts = counts, Skipped = problems.Order().ToList() });
        else
        {
            stdout.WriteLine($"import-isic: {written.Count} images at {resolution}x{resolution} in {Path.GetFullPath(output)} ({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))})");
            foreach (var problem in problems.Order()) stdout.WriteLine($"  skipped {problem}");
        }
        return written.Count > 0 ? 0 : Fail($"none of the {parsed.Rows.Count} images could be converted");
    }
}
