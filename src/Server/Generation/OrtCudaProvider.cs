using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace MelanoGans.Server.Generation;

/// <summary>The real CUDA provider of <c>Microsoft.ML.OnnxRuntime.Gpu</c>.</summary>
internal sealed class OrtCudaProvider : ICudaProvider
{
    public void Append(SessionOptions options, int deviceId) => options.AppendExecutionProvider_CUDA(deviceId);
}
