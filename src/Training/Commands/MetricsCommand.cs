using System.CommandLine;
using System.Globalization;
using System.Text;
using MelanoGans.Shared.Imaging;
using MelanoGans.Shared.Metrics;
using MelanoGans.Training.Metrics;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans metrics</c>: feature-space distances (FD, KID), precision/recall, density/coverage and memorisation
/// of a generated set against a real one, with features from <c>resnet18</c> or a pluggable ONNX extractor.
/// </summary>
internal static class MetricsCommand
{
    private const int ClosestShown = 10;

    public static Command Create()
    {
        var real = new Option<string>("--real") { Description = "Folder of real (training) images, PNG or JPEG, one size.", Required = true };
        var fake = new Option<string?>("--fake") { Description = "Folder of generated images, PNG or JPEG, one size." };
        var model = new Option<string?>("--model") { Description = "A generator.onnx to draw the generated set from (instead of --fake)." };
        var count = new Option<int?>("--count") { Description = "Images drawn with --model (default: as many as real images)." };
        var seed = new Option<long>("--seed") { Description = "Seed of the latents (--model) and of KID's subsets.", DefaultValueFactory = _ => 0 };
        var extractor = new Option<string>("--extractor") { Description = "resnet18 (built in) or the path of an extractor manifest (JSON).", DefaultValueFactory = _ => "resnet18" };
        var featuresOut = new Option<string?>("--features-out") { Description = "Write real.npy and fake.npy (float32 rows, ordinal file-name order) here." };
        var cacheDir = new Option<string>("--cache-dir") { Description = "Feature cache, per image content and extractor.", DefaultValueFactory = _ => FeatureCache.DefaultDirectory };
        var noCache = new Option<bool>("--no-cache") { Description = "Compute every feature and store none." };
        var mixed = new Option<bool>("--allow-mixed-sizes") { Description = "Accept a folder whose images differ in size (each is resized on its own)." };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime CPU threads (0 = one per core).", DefaultValueFactory = _ => 0 };
        var json = CommandOutput.JsonOption();
        var command = new Command("metrics", "Generator metrics: FD, KID, precision/recall, density/coverage, memorisation.")
        {
            real, fake, model, count, seed, extractor, featuresOut, cacheDir, noCache, mixed, threads, json,
        };
        command.SetAction(parse => CommandOutput.Run(parse, () =>
        {
            var (fakeDir, modelPath) = (parse.GetValue(fake), parse.GetValue(model));
            if ((fakeDir is null) == (modelPath is null))
            {
                return CommandOutput.Fail(parse, "give either --fake DIR or --model generator.onnx");
            }

            var cores = parse.GetValue(threads) is > 0 and var t ? t : Environment.ProcessorCount;
            var error = parse.InvocationConfiguration.Error;
            var allowMixed = parse.GetValue(mixed);
            var (realFiles, realSize) = MetricsImageFolder.Load(parse.GetValue(real)!, "real", allowMixed);
            var (fakeFiles, fakeSize) = fakeDir is null ? (null, null) : MetricsImageFolder.Load(fakeDir, "generated", allowMixed);
            var fakeCount = fakeFiles?.Count ?? parse.GetValue(count) ?? realFiles.Count;
            // Refused before any feature is computed: every metric needs two images per set.
            foreach (var (role, n) in new[] { ("real", realFiles.Count), ("generated", fakeCount) })
            {
                if (n < 2) return CommandOutput.Fail(parse, $"the {role} set has {n} image{(n == 1 ? "" : "s")}; metrics need at least 2");
            }

            using var network = FeatureExtractor.Open(parse.GetValue(extractor)!, cores);
            var generated = modelPath is null ? null
                : GeneratedSet.Generate(modelPath, fakeCount, parse.GetValue(seed), cores, new ConsoleProgressBar(error, "generate", fakeCount));
            var common = MetricsSets.ComparedAt(realSize, fakeSize ?? generated?[0].Width);
            var sets = new MetricsSets(network, parse.GetValue(noCache) ? null : parse.GetValue(cacheDir));
            var realSet = sets.FromFiles(realFiles, realSize, common, new ConsoleProgressBar(error, "features real", realFiles.Count));
            var fakeProgress = new ConsoleProgressBar(error, "features fake", fakeCount);
            var fakeSet = generated is not null ? sets.FromImages(generated, common, fakeProgress) : sets.FromFiles(fakeFiles!, fakeSize, common, fakeProgress);

            if (parse.GetValue(featuresOut) is { } outDir)
            {
                Directory.CreateDirectory(outDir);
                WriteNpy(Path.Combine(outDir, "real.npy"), realSet.FeatureMatrix());
                WriteNpy(Path.Combine(outDir, "fake.npy"), fakeSet.FeatureMatrix());
            }

            var outcome = MetricsOutcome.Compute(network.Manifest.Name, realSet, fakeSet, (int)parse.GetValue(seed));
            string FakeName(int i) => fakeFiles is null ? $"generated #{i}" : Path.GetFileName(fakeFiles[i]);
            string RealName(int i) => Path.GetFileName(realFiles[i]);
            if (parse.GetValue(json))
            {
                var r = outcome.Report;
                CommandOutput.Json(parse, new
                {
                    r.Extractor,
                    ComparedAt = common,
                    r.RealCount,
                    r.FakeCount,
                    r.Fd,
                    r.Kid,
                    r.KidSd,
                    r.Precision,
                    r.Recall,
                    r.Density,
                    r.Coverage,
                    r.MemorisationShare,
                    PixelMemorisationShare = outcome.Pixels.Share,
                    r.SmallSample,
                    Closest = outcome.Features.Closest.Take(ClosestShown).Select(c => new
                    {
                        Fake = FakeName(c.FakeIndex),
                        Real = RealName(c.TrainIndex),
                        CosineDistance = c.Distance,
                        c.SecondRatio,
                    }),
                });
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(Text(outcome, common, RealName, FakeName));
            }

            return 0;
        }));
        return command;
    }

    private static void WriteNpy(string path, FeatureMatrix matrix)
    {
        using var stream = File.Create(path);
        NpyFile.Write(stream, matrix);
    }

    private static string Text(MetricsOutcome outcome, int? common, Func<int, string> realName, Func<int, string> fakeName)
    {
        var r = outcome.Report;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"extractor {r.Extractor}: {r.RealCount} real, {r.FakeCount} generated images");
        if (common is { } side)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"both sets at {side}x{side} before the extractor's resize (the larger one downscaled, bicubic)");
        }

        if (r.SmallSample)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"note: a set is under {GeneratorMetricsReport.StableFdCount} images; FD is biased upwards at this size, KID is the small-sample figure");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"fd           {r.Fd,12:F4}");
        text.AppendLine(CultureInfo.InvariantCulture, $"kid          {r.Kid,12:F6}  (sd {r.KidSd:F6})");
        text.AppendLine(CultureInfo.InvariantCulture, $"precision    {r.Precision,12:F4}");
        text.AppendLine(CultureInfo.InvariantCulture, $"recall       {r.Recall,12:F4}");
        text.AppendLine(CultureInfo.InvariantCulture, $"density      {r.Density,12:F4}");
        text.AppendLine(CultureInfo.InvariantCulture, $"coverage     {r.Coverage,12:F4}");
        text.AppendLine(CultureInfo.InvariantCulture, $"memorised    {outcome.Features.Share,12:P1}  (features; pixels at 64x64: {outcome.Pixels.Share:P1})");
        text.AppendLine("closest generated images to a real one (cosine distance, nearest/second nearest):");
        foreach (var c in outcome.Features.Closest.Take(ClosestShown))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {fakeName(c.FakeIndex)} ~ {realName(c.TrainIndex)}  {c.Distance:F4}  {c.SecondRatio:F3}");
        }

        return text.ToString();
    }
}
