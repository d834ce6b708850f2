using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;
using MelanoGans.Training.Data;
using MelanoGans.Training.Export;
using static TorchSharp.torch;

namespace MelanoGans.Training.Experiments;

/// <summary>
/// An exported melanoma generator (generator.onnx + generator.json) run with ONNX Runtime. Opening it checks the
/// manifest, so a generator of the wrong class or resolution is refused before any classifier is trained.
/// </summary>
internal sealed class SyntheticMelanomaModel : IDisposable
{
    private const int Chunk = 32;
    private readonly OnnxGeneratorRunner runner;

    private SyntheticMelanomaModel(string name, string onnxPath, GeneratorManifest manifest, int threads)
    {
        Name = name;
        OnnxPath = onnxPath;
        Manifest = manifest;
        runner = new OnnxGeneratorRunner(onnxPath, threads);
    }

    /// <summary>Short name for tables: the export folder's name.</summary>
    public string Name { get; }

    public string OnnxPath { get; }

    public GeneratorManifest Manifest { get; }

    /// <summary>Opens a generator.onnx file or a folder holding one, refusing it unless it makes melanomas at <paramref name="resolution"/>.</summary>
    public static SyntheticMelanomaModel Open(string path, int resolution, int threads)
    {
        var onnx = Directory.Exists(path) ? Path.Combine(path, GeneratorManifest.OnnxFileName) : path;
        if (!File.Exists(onnx))
        {
            throw new FileNotFoundException($"model '{path}': no {GeneratorManifest.OnnxFileName} there");
        }

        onnx = Path.GetFullPath(onnx);
        var folder = Path.GetDirectoryName(onnx)!;
        var manifestPath = Path.Combine(folder, GeneratorManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"model '{path}': {GeneratorManifest.FileName} is missing next to the ONNX file; it says which class and resolution the generator makes");
        }

        var manifest = GeneratorManifest.Parse(File.ReadAllBytes(manifestPath))
            ?? throw new InvalidDataException($"model '{path}': {manifestPath} is empty");
        var name = Path.GetFileName(folder);
        if (ImbalanceModelRules.Problem(name, manifest.Class, manifest.Resolution, resolution) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        return new SyntheticMelanomaModel(name, onnx, manifest, threads);
    }

    /// <summary><paramref name="count"/> synthetic melanomas as H x W x 3 RGB bytes (the same quantisation a saved PNG has).</summary>
    public byte[][] Generate(int count, long seed)
    {
        var r = Manifest.Resolution;
        var images = new byte[count][];
        using var random = new Generator((ulong)EpochOrder.Mix(seed, 7001), CPU);
        for (var start = 0; start < count; start += Chunk)
        {
            var n = Math.Min(Chunk, count - start);
            float[][] latents;
            using (var scope = NewDisposeScope())
            {
                latents = runner.InputNames
                    .Select(input => randn([n, .. runner.InputShape(input).Select(d => (long)d)], generator: random).data<float>().ToArray())
                    .ToArray();
            }

            var (values, shape) = runner.Run(n, latents);
            if (shape is not [_, 3, _, _] || shape[2] != r || shape[3] != r)
            {
                throw new InvalidDataException($"model '{Name}' produced images of shape [{string.Join(", ", shape)}], its manifest says 3 x {r} x {r}");
            }

            var plane = r * r;
            for (var i = 0; i < n; i++)
            {
                var pixels = new byte[plane * 3];
                var offset = i * 3 * plane;
                for (var p = 0; p < plane; p++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var v = (values[offset + (c * plane) + p] + 1f) * 127.5f;
                        pixels[(p * 3) + c] = (byte)Math.Clamp(MathF.Round(v), 0f, 255f);
                    }
                }

                images[start + i] = pixels;
            }
        }

        return images;
    }

    public void Dispose() => runner.Dispose();
}
