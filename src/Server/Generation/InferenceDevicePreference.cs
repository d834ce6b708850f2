namespace MelanoGans.Server.Generation;

/// <summary>Which ONNX Runtime execution provider generation asks for.</summary>
public enum InferenceDevicePreference
{
    /// <summary>CUDA when it loads, else the CPU (no notice: a CPU-only machine is normal).</summary>
    Auto,

    /// <summary>CUDA; when it does not load, the CPU with a visible notice.</summary>
    Cuda,

    /// <summary>Always the CPU provider.</summary>
    Cpu,
}
