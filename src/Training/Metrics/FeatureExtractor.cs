using System.Security.Cryptography;
using Google.Protobuf;
using MelanoGans.Shared.Imaging;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace MelanoGans.Training.Metrics;

/// <summary>
/// An ONNX feature network run by ONNX Runtime's CPU provider: 8-bit RGB images in, one feature row per image out.
/// </summary>
/// <remarks>
/// The graphs are loaded into copies whose batch dimension is symbolic, so one call runs a whole batch (the ResNet-18
/// package fixes it at 1; its graphs have no reshape that depends on it). Each manifest is checked against its graph
/// before use: a manifest that names an input or output the graph lacks, or a size the graph does not take, is
/// refused with the reason rather than failing inside ONNX Runtime.
/// </remarks>
public sealed class FeatureExtractor : IDisposable
{
    /// <summary>Images per ONNX Runtime call.</summary>
    public const int BatchSize = 16;

    private readonly InferenceSession? preprocess;
    private readonly InferenceSession network;
    private readonly string preprocessInput = string.Empty;
    private readonly string preprocessOutput = string.Empty;

    private FeatureExtractor(ExtractorManifest manifest, int threads)
    {
        Manifest = manifest.Validate();
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        var hash = SHA256.Create();
        try
        {
            if (manifest.PreprocessPath is { } prepPath)
            {
                var prep = LoadBatched(prepPath, hash, out preprocessInput, out preprocessOutput);
                CheckInput(prep, preprocessInput, prepPath);
                preprocess = new InferenceSession(prep.ToByteArray(), options);
            }

            var net = LoadBatched(manifest.ModelPath, hash, out _, out _, manifest.Input, manifest.Output);
            CheckInput(net, manifest.Input, manifest.ModelPath);
            network = new InferenceSession(net.ToByteArray(), options);
            var shape = network.OutputMetadata[manifest.Output].Dimensions;
            Dimensions = shape.Skip(1).Aggregate(1, (a, d) => a * Math.Max(d, 1));
            hash.TransformFinalBlock([], 0, 0);
            Identity = $"{manifest.Name}-{manifest.Size}-{Convert.ToHexStringLower(hash.Hash!)[..16]}";
        }
        catch
        {
            preprocess?.Dispose();
            network?.Dispose();
            throw;
        }
        finally
        {
            hash.Dispose();
        }
    }

    public ExtractorManifest Manifest { get; }

    /// <summary>Features per image.</summary>
    public int Dimensions { get; }

    /// <summary>Name, size and a hash of the graphs: what the feature cache is keyed by.</summary>
    public string Identity { get; }

    /// <summary>
    /// Opens <c>resnet18</c> (the built-in, copied beside this assembly under <c>extractors/resnet18/</c>) or the
    /// manifest at <paramref name="nameOrManifest"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">An unknown name, a bad manifest, or a manifest that does not match its graph.</exception>
    public static FeatureExtractor Open(string nameOrManifest, int threads)
    {
        if (nameOrManifest == "resnet18")
        {
            return new FeatureExtractor(ExtractorManifest.ResNet18(Path.Combine(AppContext.BaseDirectory, "extractors", "resnet18")), threads);
        }

        if (!File.Exists(nameOrManifest))
        {
            throw new InvalidDataException($"extractor '{nameOrManifest}' is neither resnet18 nor a manifest file");
        }

        return new FeatureExtractor(ExtractorManifest.Load(nameOrManifest), threads);
    }

    /// <summary>Features of <paramref name="images"/> in order, one row of <see cref="Dimensions"/> floats each.</summary>
    public float[][] Extract(IReadOnlyList<RgbImage> images)
    {
        var rows = new float[images.Count][];
        for (var start = 0; start < images.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, images.Count - start);
            var features = Run(images.Skip(start).Take(count).ToList());
            for (var i = 0; i < count; i++)
            {
                rows[start + i] = features.AsSpan(i * Dimensions, Dimensions).ToArray();
            }
        }

        return rows;
    }

    /// <summary>The network's input planes for one image: resized to the manifest's size, scaled, ordered, normalised.</summary>
    internal float[] Planes(RgbImage image)
    {
        var size = Manifest.Size;
        var pixels = image.Width == size && image.Height == size ? image : ImageCodec.CentreCropResize(image, size);
        var planes = new float[3 * size * size];
        var area = size * size;
        var scale = Manifest.Scale / 255.0;
        for (var c = 0; c < 3; c++)
        {
            var source = Manifest.Channels == "bgr" ? 2 - c : c;
            var mean = Manifest.Mean?[c] ?? 0;
            var std = Manifest.Std?[c] ?? 1;
            for (var p = 0; p < area; p++)
            {
                planes[(c * area) + p] = (float)(((pixels.Pixels[(p * 3) + source] * scale) - mean) / std);
            }
        }

        return planes;
    }

    private float[] Run(IReadOnlyList<RgbImage> batch)
    {
        var size = Manifest.Size;
        var input = new float[batch.Count * 3 * size * size];
        Parallel.For(0, batch.Count, i => Planes(batch[i]).CopyTo(input, i * 3 * size * size));
        using var runOptions = new RunOptions();
        using var value = OrtValue.CreateTensorValueFromMemory(input, [batch.Count, 3, size, size]);
        if (preprocess is null)
        {
            return RunNetwork(runOptions, value);
        }

        using var prepared = preprocess.Run(runOptions, [preprocessInput], [value], [preprocessOutput]);
        return RunNetwork(runOptions, prepared[0]);
    }

    private float[] RunNetwork(RunOptions runOptions, OrtValue input)
    {
        using var outputs = network.Run(runOptions, [Manifest.Input], [input], [Manifest.Output]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>Reads a graph, hashes its bytes, checks the names and makes dimension 0 of its input and output symbolic.</summary>
    private static ModelProto LoadBatched(string path, HashAlgorithm hash, out string input, out string output, string? wantInput = null, string? wantOutput = null)
    {
        var bytes = File.ReadAllBytes(path);
        hash.TransformBlock(bytes, 0, bytes.Length, null, 0);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidDataException($"{path} is not an ONNX model: {ex.Message}", ex);
        }

        var graph = model.Graph ?? throw new InvalidDataException($"{path} is not an ONNX model: it has no graph");
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet();
        var inputs = graph.Input.Where(i => !initializers.Contains(i.Name)).ToList();
        input = Pick(inputs, wantInput, "input", path);
        output = Pick(graph.Output.ToList(), wantOutput, "output", path);
        var named = (input, output);
        foreach (var value in inputs.Concat(graph.Output).Where(v => v.Name == named.input || v.Name == named.output))
        {
            if (value.Type?.TensorType?.Shape is { Dim.Count: > 0 } shape)
            {
                shape.Dim[0] = new TensorShapeProto.Types.Dimension { DimParam = "N" };
            }
        }

        // Shapes recorded for intermediate values carry the fixed batch of 1; ONNX Runtime infers them again.
        graph.ValueInfo.Clear();
        return model;
    }

    private static string Pick(IReadOnlyList<ValueInfoProto> values, string? wanted, string kind, string path)
    {
        var names = values.Select(v => v.Name).ToList();
        if (wanted is null)
        {
            return names.Count == 1
                ? names[0]
                : throw new InvalidDataException($"{path}: a preprocessing graph needs exactly one {kind}, it has {names.Count}");
        }

        return names.Contains(wanted)
            ? wanted
            : throw new InvalidDataException($"{path} has no {kind} '{wanted}' (the manifest's); its {kind}s: {string.Join(", ", names)}");
    }

    private void CheckInput(ModelProto model, string input, string path)
    {
        var dims = model.Graph.Input.First(i => i.Name == input).Type?.TensorType?.Shape?.Dim;
        var size = Manifest.Size;
        if (dims is null || dims.Count != 4 || Fixed(dims[1]) is not (null or 3) || Fixed(dims[2]) is not null && Fixed(dims[2]) != size
            || Fixed(dims[3]) is not null && Fixed(dims[3]) != size)
        {
            var shape = dims is null ? "unknown" : string.Join("x", dims.Select(d => Fixed(d)?.ToString() ?? d.DimParam));
            throw new InvalidDataException($"{path}: input '{input}' has shape {shape}, not Nx3x{size}x{size} as the manifest says");
        }

        static long? Fixed(TensorShapeProto.Types.Dimension d) =>
            d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? d.DimValue : null;
    }

    public void Dispose()
    {
        preprocess?.Dispose();
        network.Dispose();
    }
}
