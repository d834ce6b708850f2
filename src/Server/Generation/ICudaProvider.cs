using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace MelanoGans.Server.Generation;

/// <summary>
/// Appends ONNX Runtime's CUDA execution provider to session options. A seam so tests can stand in for
/// a machine without CUDA even where CUDA is installed.
/// </summary>
public interface ICudaProvider
{
    /// <summary>Throws when the CUDA provider or the CUDA libraries it needs cannot be loaded.</summary>
    void Append(SessionOptions options, int deviceId);
}
