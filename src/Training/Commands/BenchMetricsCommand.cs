using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using MelanoGans.Shared.Statistics;
using MelanoGans.Training.Metrics;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans bench metrics</c>: features per second of the metrics' extractor through ONNX Runtime, one image per
/// call (the package's fixed batch of 1) against batches of <see cref="FeatureExtractor.BatchSize"/> (the symbolic
/// batch of our copy of the graph), on the same phantom images. Rounds of the two alternate, so a change of machine
/// load hits both alike; the figure is the median round.
/// </summary>
internal static class BenchMetricsCommand
{
    public static Command Create()
    {
        var images = new Option<int>("--images") { Description = "Images per round (phantoms, resized to the extractor's size).", DefaultValueFactory = _ => 64 };
        var size = new Option<int>("--size") { Description = "Side of the phantom images before resizing.", DefaultValueFactory = _ => 256 };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds per side (the median is reported).", DefaultValueFactory = _ => 3 };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads; 0 = one per core.", DefaultValueFactory = _ => 0 };
        var extractor = new Option<string>("--extractor") { Description = "resnet18 or an extractor manifest.", DefaultValueFactory = _ => "resnet18" };
        var json = CommandOutput.JsonOption();
        var command = new Command("metrics", "Time the metrics' feature network: one image per call against batches.") { images, size, rounds, threads, extractor, json };
        command.SetAction(parse => CommandOutput.Run(parse, () =>
        {
            var (count, side, repeats) = (parse.GetValue(images), parse.GetValue(size), parse.GetValue(rounds));
            if (count is < 1 or > 10_000 || repeats < 1 || side is < PhantomRenderer.MinSize or > PhantomRenderer.MaxSize)
            {
                throw new ArgumentException($"--images must be 1..10000, --rounds 1 or more, --size {PhantomRenderer.MinSize}..{PhantomRenderer.MaxSize}");
            }

            var workers = parse.GetValue(threads) is > 0 and var t ? t : Environment.ProcessorCount;
            var set = Enumerable.Range(0, count)
                .Select(i => PhantomRenderer.Render(i % 2 == 0 ? LesionClass.Nevus : LesionClass.Melanoma, (ulong)i, side)).ToList();
            using var network = FeatureExtractor.Open(parse.GetValue(extractor)!, workers);
            network.Extract(set.Take(FeatureExtractor.BatchSize).ToList()); // warm-up: session initialisation, JIT
            var single = new List<double>();
            var batched = new List<double>();
            for (var r = 0; r < repeats; r++)
            {
                single.Add(Time(() => set.ForEach(image => network.Extract([image]))));
                batched.Add(Time(() => network.Extract(set)));
            }

            var (one, many) = (count / Median(single), count / Median(batched));
            if (parse.GetValue(json))
            {
                CommandOutput.Json(parse, new
                {
                    Extractor = network.Manifest.Name,
                    Images = count,
                    Threads = workers,
                    Cores = Environment.ProcessorCount,
                    BatchSize = FeatureExtractor.BatchSize,
                    FeaturesPerSecondBatch1 = one,
                    FeaturesPerSecondBatched = many,
                    Speedup = many / one,
                });
            }
            else
            {
                parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{network.Manifest.Name}, {count} images from {side}x{side}, {workers} threads: batch 1 {one:0.0} images/s, batch {FeatureExtractor.BatchSize} {many:0.0} images/s ({many / one:0.00}x)"));
            }

            return 0;
        }));
        return command;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => Quantiles.Of(values, 0.5)!.Value;
}
