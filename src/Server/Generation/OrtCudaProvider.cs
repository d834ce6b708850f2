using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace MelanoGans.Server.Generation;

/// <summary>The real CUDA provider of <c>Microsoft.ML.OnnxRuntime.Gpu</c>.</summary>
internal sealed class OrtCudaProvider : ICudaProvider
{
    private static readonly Lazy<string?> MissingLibraries = new(FindMissingLibraries);

    public void Append(SessionOptions options, int deviceId)
    {
        // ONNX Runtime prints its own red error when the CUDA provider cannot load its libraries (libcublasLt, ...),
        // before our log line says the CPU is used; loading the provider library first answers the same question quietly.
        if (MissingLibraries.Value is { } missing) throw new DllNotFoundException(missing);
        options.AppendExecutionProvider_CUDA(deviceId);
    }

    private static string? FindMissingLibraries()
    {
        var name = OperatingSystem.IsWindows() ? "onnxruntime_providers_cuda.dll" : "libonnxruntime_providers_cuda.so";
        var path = Path.Combine(AppContext.BaseDirectory, name);
        if (!File.Exists(path)) return null; // another layout: leave the question to ONNX Runtime
        if (NativeLibrary.TryLoad(path, out _)) return null;
        return $"The CUDA libraries the ONNX Runtime CUDA provider needs (CUDA 13: libcudart, libcublasLt, libcurand) are not installed.";
    }
}
