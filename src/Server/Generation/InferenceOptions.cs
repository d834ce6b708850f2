using System.ComponentModel.DataAnnotations;

namespace MelanoGans.Server.Generation;

/// <summary>ONNX Runtime generation. Bound from <c>Studio:Inference</c>.</summary>
public sealed class InferenceOptions
{
    public const string Section = "Studio:Inference";

    /// <summary>auto (CUDA when it loads, else CPU), cuda (CUDA, else CPU with a notice) or cpu.</summary>
    public InferenceDevicePreference Device { get; set; } = InferenceDevicePreference.Auto;

    /// <summary>CUDA device ordinal when several GPUs are present.</summary>
    [Range(0, 64)]
    public int CudaDeviceId { get; set; }

    /// <summary>Images per inference call (the benchmark uses 16).</summary>
    [Range(1, 512)]
    public int BatchSize { get; set; } = 16;

    /// <summary>CPU threads per inference call; 0 lets ONNX Runtime use one per core.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }
}
