using Microsoft.ML.OnnxRuntime;

namespace MelanoGans.Server.Generation;

/// <summary>
/// One loaded generator: turns seeds into images. Thread-safe (ONNX Runtime sessions are); every
/// input and output tensor is disposed after each call.
/// </summary>
public sealed class GeneratorSession(InferenceSession session, string device, GeneratorSpec spec) : IDisposable
{
    /// <summary>The provider the session runs on: "CPU" or "CUDA (GPU n)".</summary>
    public string Device { get; } = device;

    public GeneratorSpec Spec { get; } = spec;

    /// <summary>
    /// Images for <paramref name="seeds"/> (one latent per seed, <see cref="LatentSampler"/>) as one
    /// N x 3 x R x R array in [-1, 1].
    /// </summary>
    public float[] Run(IReadOnlyList<long> seeds, double? truncation)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        var count = seeds.Count;
        var latents = Spec.Inputs.Select(i => new float[count * Size(i.Shape)]).ToArray();
        var latent = new float[Spec.LatentSize];
        for (var n = 0; n < count; n++)
        {
            LatentSampler.Fill(seeds[n], truncation, latent);
            var offset = 0;
            for (var k = 0; k < Spec.Inputs.Count; k++)
            {
                var size = Size(Spec.Inputs[k].Shape);
                latent.AsSpan(offset, size).CopyTo(latents[k].AsSpan(n * size, size));
                offset += size;
            }
        }

        var inputs = new List<OrtValue>(Spec.Inputs.Count);
        try
        {
            for (var k = 0; k < Spec.Inputs.Count; k++)
            {
                long[] shape = [count, .. Spec.Inputs[k].Shape.Select(d => (long)d)];
                inputs.Add(OrtValue.CreateTensorValueFromMemory(latents[k], shape));
            }
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, Spec.Inputs.Select(i => i.Name).ToArray(), inputs, [Spec.Output]);
            var values = outputs[0].GetTensorDataAsSpan<float>();
            if (values.Length != count * Spec.ImageSize)
                throw new InvalidOperationException(
                    $"The generator returned {values.Length} values for {count} images; expected {count} x 3 x {Spec.Resolution} x {Spec.Resolution}.");
            return values.ToArray();
        }
        finally
        {
            foreach (var input in inputs) input.Dispose();
        }
    }

    public void Dispose() => session.Dispose();

    private static int Size(IReadOnlyList<int> shape) => shape.Aggregate(1, (a, b) => a * b);
}
