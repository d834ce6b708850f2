using Microsoft.ML.OnnxRuntime;

namespace MelanoGans.Training.Export;

/// <summary>Runs an exported generator with ONNX Runtime's CPU provider (parity checks and <c>sample</c>).</summary>
public sealed class OnnxGeneratorRunner : IDisposable
{
    private readonly InferenceSession session;

    public OnnxGeneratorRunner(string onnxPath, int threads = 1)
    {
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        session = new InferenceSession(onnxPath, options);
        InputNames = session.InputMetadata.Keys.ToArray();
        OutputName = session.OutputMetadata.Keys.Single();
    }

    /// <summary>Graph input names in graph order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    public string OutputName { get; }

    /// <summary>Shape of an input without the batch dimension.</summary>
    public int[] InputShape(string name) => session.InputMetadata[name].Dimensions[1..];

    /// <summary>Runs the graph on flat row-major latents (one array per input) and returns the flat output and its shape.</summary>
    public (float[] Values, long[] Shape) Run(int count, IReadOnlyList<float[]> latents)
    {
        var inputs = new List<OrtValue>();
        try
        {
            for (var i = 0; i < InputNames.Count; i++)
            {
                long[] shape = [count, .. InputShape(InputNames[i]).Select(d => (long)d)];
                inputs.Add(OrtValue.CreateTensorValueFromMemory(latents[i], shape));
            }

            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, InputNames.ToArray(), inputs, [OutputName]);
            var output = outputs[0];
            return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }

    public void Dispose() => session.Dispose();
}
