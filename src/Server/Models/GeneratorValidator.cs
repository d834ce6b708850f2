using MelanoGans.Server.Generation;
using MelanoGans.Shared.Contracts;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MelanoGans.Server.Models;

/// <summary>
/// Checks that an ONNX graph is the generator its manifest describes: same input names and shapes with a
/// dynamic batch, one N x 3 x R x R float output, and a test inference through the same code generation
/// uses that gives finite values in [-1, 1]. Runs on the CPU so a model is judged the same on every machine.
/// </summary>
public sealed class GeneratorValidator(OnnxSessionFactory sessions)
{
    /// <summary>Seeds of the test inference; its images become the model's samples on the models page.</summary>
    public static readonly long[] SampleSeeds = [0, 1, 2, 3];

    /// <summary>Tanh gives [-1, 1]; float rounding in fused kernels may overshoot by a hair, nothing more.</summary>
    public const float RangeTolerance = 1e-3f;

    public GeneratorValidation Validate(byte[] onnx, GeneratorManifest manifest)
    {
        InferenceSession session;
        try
        {
            session = sessions.CreateOnCpu(onnx);
        }
        catch (OnnxRuntimeException e)
        {
            return GeneratorValidation.Refused($"generator.onnx is not an ONNX model that ONNX Runtime can load: {FirstLine(e.Message)}");
        }

        // The generator session owns (and disposes) the ORT session from here on.
        using var generator = new GeneratorSession(session, OnnxSessionFactory.CpuDevice,
            new GeneratorSpec(manifest.Sha256, "", manifest.Inputs, manifest.Output, manifest.Resolution));
        var errors = new List<string>();
        CheckInputs(session, manifest, errors);
        CheckOutput(session, manifest, errors);
        if (errors.Count > 0) return new(errors, []);
        return TestInference(generator, manifest.Resolution);
    }

    private static void CheckInputs(InferenceSession session, GeneratorManifest manifest, List<string> errors)
    {
        var graphNames = session.InputNames;
        var declared = manifest.Inputs.Select(i => i.Name).ToList();
        if (!graphNames.SequenceEqual(declared))
        {
            errors.Add($"The graph's inputs are ({string.Join(", ", graphNames)}) but the manifest declares ({string.Join(", ", declared)}).");
            return;
        }
        foreach (var input in manifest.Inputs)
        {
            var meta = session.InputMetadata[input.Name];
            if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Float)
            {
                errors.Add($"Input {input.Name} is {meta.ElementDataType}; a generator's latents are float32 tensors.");
                continue;
            }
            var graph = meta.Dimensions;
            int[] expected = [-1, .. input.Shape];
            if (graph.Length > 0 && graph[0] > 0)
                errors.Add($"Input {input.Name} has a fixed batch of {graph[0]}; the batch dimension must be dynamic (N).");
            if (graph.Length != expected.Length || !graph.Skip(1).SequenceEqual(expected.Skip(1)))
                errors.Add($"Input {input.Name}: the graph expects {Shape(graph)} but the manifest declares {Shape(expected)}.");
        }
    }

    private static void CheckOutput(InferenceSession session, GeneratorManifest manifest, List<string> errors)
    {
        var outputs = session.OutputNames;
        if (outputs.Count != 1 || outputs[0] != manifest.Output)
        {
            errors.Add($"The graph's outputs are ({string.Join(", ", outputs)}) but the manifest declares one output, {manifest.Output}.");
            return;
        }
        var meta = session.OutputMetadata[manifest.Output];
        if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Float)
        {
            errors.Add($"Output {manifest.Output} is {meta.ElementDataType}; generated images are float32 tensors.");
            return;
        }
        var r = manifest.Resolution;
        int[] expected = [-1, 3, r, r];
        var graph = meta.Dimensions;
        // Dynamic sizes (-1) are allowed here; the test inference checks what they turn out to be.
        var agrees = graph.Length == 4 && graph.Zip(expected).Skip(1).All(p => p.First < 0 || p.First == p.Second);
        if (!agrees)
            errors.Add($"Output {manifest.Output}: the graph gives {Shape(graph)} but the manifest's resolution {r} needs {Shape(expected)}.");
    }

    private static GeneratorValidation TestInference(GeneratorSession generator, int resolution)
    {
        float[] values;
        try
        {
            values = generator.Run(SampleSeeds, truncation: null);
        }
        catch (Exception e) when (e is OnnxRuntimeException or InvalidOperationException)
        {
            return GeneratorValidation.Refused($"The test inference failed: {FirstLine(e.Message)}");
        }
        if (values.Any(v => !float.IsFinite(v)))
            return GeneratorValidation.Refused("The test inference gave NaN or infinite values.");
        var peak = values.Max(MathF.Abs);
        if (peak > 1f + RangeTolerance)
            return GeneratorValidation.Refused(
                $"The test inference gave values up to {peak:0.###} in magnitude; a generator's {resolution}x{resolution} images must lie in [-1, 1] (a tanh output).");
        return new([], values);
    }

    private static string Shape(IEnumerable<int> dims) => "[" + string.Join(", ", dims.Select(d => d < 0 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
