using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using MelanoGans.Training.Data;
using MelanoGans.Training.Export;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Platform;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans bench generate</c>: images/s of one generator through ONNX Runtime (CPU provider, the server's
/// session options) and through TorchSharp eval (<c>no_grad</c>, <c>eval()</c>) in the same process. The generator
/// is built from a seed and exported with <see cref="GeneratorExporter"/>, so both sides run identical weights on
/// identical latents; the outputs must agree to <see cref="GeneratorExporter.ParityTolerance"/>. Batches of the two
/// sides alternate, so a change of machine load hits both alike; the figure is the median time per batch.
/// </summary>
internal static class BenchGenerateCommand
{
    public static Command Create()
    {
        var threads = new Option<int>("--threads") { Description = "Threads of both sides (ORT intra-op, torch set_num_threads); 0 = one per core.", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch") { Description = "Images per inference call.", DefaultValueFactory = _ => 16 };
        var resolution = new Option<int>("--resolution") { Description = "Image side: a power of two from 32 to 256.", DefaultValueFactory = _ => 256 };
        var arch = new Option<string>("--arch") { Description = $"Architecture: {string.Join(", ", GanArchitectureNames.All)}.", DefaultValueFactory = _ => "dcgan" };
        var warmup = new Option<int>("--warmup") { Description = "Untimed batches per side before timing.", DefaultValueFactory = _ => 2 };
        var batches = new Option<int>("--batches") { Description = "Timed batches per side (the median is reported).", DefaultValueFactory = _ => 7 };
        var seed = new Option<long>("--seed") { Description = "Seed of the weights and latents.", DefaultValueFactory = _ => 1 };
        var optimization = new Option<string>("--graph-optimization") { Description = "ORT graph optimisation level: all (the server's), extended, basic, none.", DefaultValueFactory = _ => "all" };
        var noArena = new Option<bool>("--no-arena") { Description = "ORT: disable the CPU memory arena (the server keeps it on)." };
        var noPattern = new Option<bool>("--no-mem-pattern") { Description = "ORT: disable memory pattern planning (the server keeps it on)." };
        var spin = new Option<bool>("--spinning") { Description = "ORT: let idle intra-op threads spin (ORT's default; the server sets session.intra_op.allow_spinning=0)." };
        var bind = new Option<bool>("--io-binding") { Description = "ORT: bind a reused input and output buffer (the server creates them per call)." };
        var mallopt = new Option<bool>("--mallopt") { Description = "Apply the trainer's mallopt tuning (process-wide: affects both sides)." };
        var export = new Option<string?>("--export") { Description = "Keep the exported generator.onnx + generator.json in this folder (default: a deleted temp folder)." };
        var json = CommandOutput.JsonOption();
        var command = new Command("generate", "Time ONNX Runtime against TorchSharp eval on the same generator.")
        {
            threads, batch, resolution, arch, warmup, batches, seed, optimization, noArena, noPattern, spin, bind, mallopt, export, json,
        };
        command.SetAction(parse => CommandOutput.Run(parse, () => Run(parse, new Settings(
            parse.GetValue(threads), parse.GetValue(batch), parse.GetValue(resolution), parse.GetValue(arch)!,
            parse.GetValue(warmup), parse.GetValue(batches), parse.GetValue(seed), parse.GetValue(optimization)!,
            parse.GetValue(noArena), parse.GetValue(noPattern), parse.GetValue(spin), parse.GetValue(bind), parse.GetValue(mallopt),
            parse.GetValue(export), parse.GetValue(json)))));
        return command;
    }

    private static int Run(ParseResult parse, Settings s)
    {
        if (s.Threads < 0 || s.Batch is < 1 or > 512 || s.Warmup < 0 || s.Batches < 1)
        {
            throw new ArgumentException("--threads must be 0 or more, --batch 1..512, --warmup 0 or more, --batches 1 or more");
        }

        var level = s.Optimization.ToLowerInvariant() switch
        {
            "all" => GraphOptimizationLevel.ORT_ENABLE_ALL,
            "extended" => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
            "basic" => GraphOptimizationLevel.ORT_ENABLE_BASIC,
            "none" => GraphOptimizationLevel.ORT_DISABLE_ALL,
            _ => throw new ArgumentException($"--graph-optimization must be all, extended, basic or none, got {s.Optimization}"),
        };
        var architecture = GanArchitectureNames.Parse(s.Arch);
        var spec = new NetworkSpec(architecture, s.Resolution).Validate();

        var workers = s.Threads == 0 ? Environment.ProcessorCount : s.Threads;
        NativeRuntime.Configure(workers, tuneMalloc: s.Mallopt);

        var folder = s.Export ?? Directory.CreateTempSubdirectory("melanogans-bench-generate-").FullName;
        try
        {
            Directory.CreateDirectory(folder);
            using var generator = GanNetworks.CreateGenerator(spec, s.Seed);
            generator.eval();
            var exportClock = Stopwatch.StartNew();
            var manifest = GeneratorExporter.Export(generator, folder, "bench", null, 0, ema: false);
            exportClock.Stop();

            using var sessionOptions = new SessionOptions
            {
                // The server's OnnxSessionFactory: ORT_ENABLE_ALL, intra-op threads as configured, one inter-op thread, no spinning.
                GraphOptimizationLevel = level,
                IntraOpNumThreads = s.Threads,
                InterOpNumThreads = 1,
                EnableCpuMemArena = !s.NoArena,
                EnableMemoryPattern = !s.NoPattern,
            };
            if (!s.Spinning)
            {
                // As the server does: idle threads sleep, like libtorch's under OMP_WAIT_POLICY=PASSIVE.
                sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            }

            using var session = new InferenceSession(Path.Combine(folder, GeneratorManifest.OnnxFileName), sessionOptions);
            using var ort = new OrtSide(session, manifest, s.Batch, s.IoBinding);

            // The same latents for every batch of both sides.
            var latents = Latents(generator, s.Batch, s.Seed);
            var torchImages = TorchForward(generator, latents, s.Batch);
            var ortImages = ort.Run(latents);
            var parity = MaxAbsDifference(torchImages, ortImages);
            if (!(parity <= GeneratorExporter.ParityTolerance))
            {
                throw new ExportParityException($"TorchSharp and ONNX Runtime differ by up to {parity:E3} on the benchmark batch (> {GeneratorExporter.ParityTolerance:E0})");
            }

            for (var i = 0; i < s.Warmup; i++)
            {
                TorchForward(generator, latents, s.Batch);
                ort.Run(latents);
            }

            var torchSeconds = new List<double>();
            var ortSeconds = new List<double>();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < s.Batches; i++)
            {
                // Alternating order too, so neither side always runs right after the other's cache footprint.
                if (i % 2 == 0)
                {
                    torchSeconds.Add(Time(() => TorchForward(generator, latents, s.Batch)));
                    ortSeconds.Add(Time(() => ort.Run(latents)));
                }
                else
                {
                    ortSeconds.Add(Time(() => ort.Run(latents)));
                    torchSeconds.Add(Time(() => TorchForward(generator, latents, s.Batch)));
                }
            }

            wall.Stop();
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var load = BenchHost.LoadAverage() ?? "n/a";
            var torchMedian = Quantiles.Of(torchSeconds, 0.5)!.Value;
            var ortMedian = Quantiles.Of(ortSeconds, 0.5)!.Value;
            Report(parse, s, workers, manifest, parity, exportClock.Elapsed.TotalSeconds, torchMedian, ortMedian, torchSeconds, ortSeconds,
                cpuSeconds / wall.Elapsed.TotalSeconds, load);
            return 0;
        }
        finally
        {
            if (s.Export is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>One flat row-major array per latent input.</summary>
    private static float[][] Latents(GanGenerator generator, int count, long seed)
    {
        using var scope = NewDisposeScope();
        using var random = new Generator((ulong)EpochOrder.Mix(seed, 1), CPU);
        return generator.SampleLatents(count, random).Select(z => z.contiguous().data<float>().ToArray()).ToArray();
    }

    /// <summary>Latents (flat float[]) to images (flat float[]), as the server's path goes from float[] to float[].</summary>
    private static float[] TorchForward(GanGenerator generator, float[][] latents, int count)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var inputs = generator.Latents
            .Select((input, k) => tensor(latents[k], [count, .. input.Shape.Select(d => (long)d)]))
            .ToArray();
        return generator.Generate(inputs).contiguous().data<float>().ToArray();
    }

    private static double MaxAbsDifference(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            return double.NaN;
        }

        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var diff = Math.Abs((double)a[i] - b[i]);
            max = double.IsNaN(diff) ? double.NaN : Math.Max(max, diff);
        }

        return max;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static void Report(ParseResult parse, Settings s, int workers, GeneratorManifest manifest, double parity, double exportSeconds,
        double torchMedian, double ortMedian, List<double> torchSeconds, List<double> ortSeconds, double cpuPerWall, string load)
    {
        var speedup = torchMedian / ortMedian;
        if (s.Json)
        {
            CommandOutput.Json(parse, new
            {
                Benchmark = "generate",
                Architecture = manifest.Architecture,
                manifest.Resolution,
                s.Batch,
                Threads = workers,
                Cores = Environment.ProcessorCount,
                GraphOptimization = s.Optimization,
                CpuMemArena = !s.NoArena,
                MemoryPattern = !s.NoPattern,
                s.Spinning,
                IoBinding = s.IoBinding,
                Mallopt = s.Mallopt,
                ParityMaxAbsDiff = parity,
                ExportSeconds = Math.Round(exportSeconds, 2),
                TorchMedianSecondsPerBatch = Math.Round(torchMedian, 4),
                OrtMedianSecondsPerBatch = Math.Round(ortMedian, 4),
                TorchImagesPerSecond = Math.Round(s.Batch / torchMedian, 2),
                OrtImagesPerSecond = Math.Round(s.Batch / ortMedian, 2),
                OrtSpeedup = Math.Round(speedup, 3),
                TorchSeconds = torchSeconds.Select(t => Math.Round(t, 4)).ToArray(),
                OrtSeconds = ortSeconds.Select(t => Math.Round(t, 4)).ToArray(),
                ProcessCpuPerWall = Math.Round(cpuPerWall, 2),
                LoadAverage = load,
                Onnx = s.Export is null ? null : Path.Combine(Path.GetFullPath(s.Export), GeneratorManifest.OnnxFileName),
            });
        }
        else
        {
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generate: {manifest.Architecture} {manifest.Resolution}x{manifest.Resolution}, batch {s.Batch}, {workers} threads, parity {parity:E2}; " +
                $"TorchSharp {s.Batch / torchMedian:F2} images/s ({torchMedian:F3} s/batch), ONNX Runtime {s.Batch / ortMedian:F2} images/s ({ortMedian:F3} s/batch): " +
                $"ORT {speedup:F2}x; process CPU/wall {cpuPerWall:F2}; load average {load}"));
        }
    }

    /// <summary>
    /// The ONNX Runtime side: per call, input tensors over the latent arrays, Run, the output copied to a managed
    /// array and disposed (what the server's GeneratorSession does); or, with IO binding, one input and one output
    /// buffer bound once and reused.
    /// </summary>
    private sealed class OrtSide : IDisposable
    {
        private readonly InferenceSession session;
        private readonly string[] inputNames;
        private readonly long[][] inputShapes;
        private readonly string outputName;
        private readonly List<OrtValue> bound = [];
        private readonly float[][]? boundInputs;
        private readonly float[]? boundOutput;
        private readonly OrtIoBinding? binding;
        private readonly RunOptions runOptions = new();

        public OrtSide(InferenceSession session, GeneratorManifest manifest, int batch, bool ioBinding)
        {
            this.session = session;
            inputNames = manifest.Inputs.Select(i => i.Name).ToArray();
            inputShapes = manifest.Inputs.Select(i => new long[] { batch }.Concat(i.Shape.Select(d => (long)d)).ToArray()).ToArray();
            outputName = manifest.Output;
            if (!ioBinding)
            {
                return;
            }

            binding = session.CreateIoBinding();
            boundInputs = inputShapes.Select(shape => new float[shape.Aggregate(1L, (a, b) => a * b)]).ToArray();
            boundOutput = new float[(long)batch * 3 * manifest.Resolution * manifest.Resolution];
            for (var k = 0; k < inputNames.Length; k++)
            {
                var value = OrtValue.CreateTensorValueFromMemory(boundInputs[k], inputShapes[k]);
                bound.Add(value);
                binding.BindInput(inputNames[k], value);
            }

            var output = OrtValue.CreateTensorValueFromMemory(boundOutput, [batch, 3, manifest.Resolution, manifest.Resolution]);
            bound.Add(output);
            binding.BindOutput(outputName, output);
        }

        public float[] Run(float[][] latents)
        {
            if (binding is not null)
            {
                for (var k = 0; k < latents.Length; k++)
                {
                    latents[k].CopyTo(boundInputs![k], 0);
                }

                session.RunWithBinding(runOptions, binding);
                return boundOutput!.ToArray();
            }

            var inputs = new List<OrtValue>(inputNames.Length);
            try
            {
                for (var k = 0; k < inputNames.Length; k++)
                {
                    inputs.Add(OrtValue.CreateTensorValueFromMemory(latents[k], inputShapes[k]));
                }

                using var outputs = session.Run(runOptions, inputNames, inputs, [outputName]);
                return outputs[0].GetTensorDataAsSpan<float>().ToArray();
            }
            finally
            {
                foreach (var input in inputs)
                {
                    input.Dispose();
                }
            }
        }

        public void Dispose()
        {
            binding?.Dispose();
            foreach (var value in bound)
            {
                value.Dispose();
            }

            runOptions.Dispose();
        }
    }

    private sealed record Settings(
        int Threads, int Batch, int Resolution, string Arch, int Warmup, int Batches, long Seed, string Optimization,
        bool NoArena, bool NoPattern, bool Spinning, bool IoBinding, bool Mallopt, string? Export, bool Json);
}
