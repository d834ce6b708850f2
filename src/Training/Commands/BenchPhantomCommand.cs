using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Training.Commands;

/// <summary><c>melanogans bench phantom</c>: renders the default phantom dataset and reports images per second.</summary>
internal static class BenchPhantomCommand
{
    public static Command Create()
    {
        var countOption = new Option<int>("--count") { Description = "Images to render.", DefaultValueFactory = _ => PhantomDatasetPlan.DefaultCount };
        var sizeOption = new Option<int>("--size") { Description = $"Image side in pixels ({PhantomRenderer.MinSize}..{PhantomRenderer.MaxSize}).", DefaultValueFactory = _ => PhantomRenderer.DefaultSize };
        var threadsOption = new Option<int>("--threads") { Description = "Worker threads (images render in parallel, each on one thread); 0 = one per core.", DefaultValueFactory = _ => 0 };
        var jsonOption = CommandOutput.JsonOption();
        var command = new Command("phantom", "Time rendering (and PNG encoding) of the phantom dataset.") { countOption, sizeOption, threadsOption, jsonOption };
        command.SetAction(parseResult => RunPhantom(
            parseResult,
            parseResult.GetValue(countOption),
            parseResult.GetValue(sizeOption),
            parseResult.GetValue(threadsOption),
            parseResult.GetValue(jsonOption)));
        return command;
    }

    private static int RunPhantom(ParseResult parse, int count, int size, int threads, bool json)
    {
        if (count is < 1 or > 1_000_000)
        {
            return CommandOutput.Fail(parse, $"--count must be between 1 and 1000000, got {count}");
        }

        if (size is < PhantomRenderer.MinSize or > PhantomRenderer.MaxSize)
        {
            return CommandOutput.Fail(parse, $"--size must be between {PhantomRenderer.MinSize} and {PhantomRenderer.MaxSize}, got {size}");
        }

        if (threads < 0)
        {
            return CommandOutput.Fail(parse, $"--threads must be 0 or more, got {threads}");
        }

        var workers = threads == 0 ? Environment.ProcessorCount : threads;
        var plan = PhantomDatasetPlan.Create(PhantomDatasetPlan.DefaultSeed, count, size);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };

        // Warm-up: JIT and tiered compilation would otherwise be charged to the first images.
        for (var i = 0; i < Math.Min(4, count); i++)
        {
            plan.Render(plan.Images[i]);
        }

        long checksum = 0;
        var render = Stopwatch.StartNew();
        Parallel.ForEach(plan.Images, parallel, image =>
        {
            // Keep a data dependency on every image so no work can be skipped.
            Interlocked.Add(ref checksum, plan.Render(image).Pixels[^1]);
        });
        render.Stop();

        long pngBytes = 0;
        var encode = Stopwatch.StartNew();
        Parallel.ForEach(plan.Images, parallel, image =>
        {
            Interlocked.Add(ref pngBytes, ImageCodec.EncodePng(plan.Render(image)).Length);
        });
        encode.Stop();

        var renderSeconds = render.Elapsed.TotalSeconds;
        var encodeSeconds = encode.Elapsed.TotalSeconds;
        if (json)
        {
            CommandOutput.Json(parse, new
            {
                Benchmark = "phantom",
                Count = count,
                Size = size,
                Threads = workers,
                Cores = Environment.ProcessorCount,
                RenderSeconds = Math.Round(renderSeconds, 3),
                RenderImagesPerSecond = Math.Round(count / renderSeconds, 1),
                RenderAndPngSeconds = Math.Round(encodeSeconds, 3),
                MeanPngBytes = pngBytes / count,
                Checksum = checksum,
            });
        }
        else
        {
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"phantom: {count} images {size}x{size} on {workers} threads ({Environment.ProcessorCount} cores): render {renderSeconds:F2} s ({count / renderSeconds:F1} images/s); render + PNG encode {encodeSeconds:F2} s (mean {pngBytes / count} bytes per PNG)"));
        }

        return 0;
    }
}
