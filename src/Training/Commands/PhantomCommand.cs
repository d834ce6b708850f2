using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Training.Commands;

/// <summary><c>melanogans phantom</c>: renders a phantom dataset to PNG files plus a <c>manifest.csv</c>.</summary>
internal static class PhantomCommand
{
    /// <summary>Name of the manifest written next to the images (<c>file,label</c>, ISIC label names).</summary>
    public const string ManifestFileName = "manifest.csv";

    public static Command Create()
    {
        var outOption = new Option<string>("--out") { Description = "Directory to write the PNG files and manifest.csv into (created if missing).", Required = true };
        var countOption = new Option<int>("--count") { Description = "Number of images; classes follow the ISIC 2017 proportions.", DefaultValueFactory = _ => PhantomDatasetPlan.DefaultCount };
        var seedOption = new Option<ulong>("--seed") { Description = "Dataset seed; the same seed gives byte-identical files.", DefaultValueFactory = _ => PhantomDatasetPlan.DefaultSeed };
        var sizeOption = new Option<int>("--size") { Description = $"Image side in pixels ({PhantomRenderer.MinSize}..{PhantomRenderer.MaxSize}).", DefaultValueFactory = _ => PhantomRenderer.DefaultSize };
        var jsonOption = CommandOutput.JsonOption();

        var command = new Command("phantom", "Render the procedural dermoscopy phantom dataset.")
        {
            outOption, countOption, seedOption, sizeOption, jsonOption,
        };
        command.SetAction(parseResult => Run(
            parseResult,
            parseResult.GetValue(outOption)!,
            parseResult.GetValue(countOption),
            parseResult.GetValue(seedOption),
            parseResult.GetValue(sizeOption),
            parseResult.GetValue(jsonOption)));
        return command;
    }

    private static int Run(ParseResult parse, string outDirectory, int count, ulong seed, int size, bool json)
    {
        if (count is < 1 or > 1_000_000)
        {
            return CommandOutput.Fail(parse, $"--count must be between 1 and 1000000, got {count}");
        }

        if (size is < PhantomRenderer.MinSize or > PhantomRenderer.MaxSize)
        {
            return CommandOutput.Fail(parse, $"--size must be between {PhantomRenderer.MinSize} and {PhantomRenderer.MaxSize}, got {size}");
        }

        string directory;
        try
        {
            directory = Path.GetFullPath(outDirectory);
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return CommandOutput.Fail(parse, $"cannot create output directory '{outDirectory}': {ex.Message}");
        }

        var plan = PhantomDatasetPlan.Create(seed, count, size);
        var stopwatch = Stopwatch.StartNew();
        var done = 0;
        var step = Math.Max(1, count / 20);
        var progress = parse.InvocationConfiguration.Error;
        try
        {
            // Parallel across images only: each image renders on one thread, so files do not depend on scheduling.
            Parallel.ForEach(plan.Images, image =>
            {
                var png = ImageCodec.EncodePng(plan.Render(image));
                File.WriteAllBytes(Path.Combine(directory, image.FileName), png);
                var finished = Interlocked.Increment(ref done);
                if (finished % step == 0 || finished == count)
                {
                    lock (progress)
                    {
                        progress.WriteLine($"phantom: {finished}/{count} images ({stopwatch.Elapsed.TotalSeconds:F1} s)");
                    }
                }
            });
            File.WriteAllText(Path.Combine(directory, ManifestFileName), Manifest(plan), new UTF8Encoding(false));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is IOException or UnauthorizedAccessException))
        {
            return CommandOutput.Fail(parse, $"cannot write images: {ex.InnerExceptions[0].Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CommandOutput.Fail(parse, $"cannot write manifest: {ex.Message}");
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var classes = LesionClassNames.All.ToDictionary(c => c.ToIsicName(), c => plan.ClassCounts[c]);
        if (json)
        {
            CommandOutput.Json(parse, new
            {
                Out = directory,
                Manifest = Path.Combine(directory, ManifestFileName),
                Count = count,
                Seed = seed,
                Size = size,
                Classes = classes,
                Seconds = Math.Round(seconds, 3),
            });
        }
        else
        {
            var perClass = string.Join(", ", classes.Select(c => $"{c.Value} {c.Key}"));
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {count} phantom images ({size}x{size}, seed {seed}) to {directory} in {seconds:F1} s: {perClass}"));
        }

        return 0;
    }

    private static string Manifest(PhantomDatasetPlan plan)
    {
        var builder = new StringBuilder("file,label\n");
        foreach (var image in plan.Images)
        {
            builder.Append(image.FileName).Append(',').Append(image.Class.ToIsicName()).Append('\n');
        }

        return builder.ToString();
    }
}
