using System.Runtime.InteropServices;
using MelanoGans.Server.Generation;
using Microsoft.ML.OnnxRuntime;

namespace MelanoGans.Server.Tests.Generation;

/// <summary>Issue 22: a machine without CUDA learns it from one line of ours, not from an ONNX Runtime error about libcublasLt.</summary>
public sealed class OrtCudaProviderTests
{
    [Fact]
    public void Without_the_CUDA_libraries_the_provider_refuses_before_onnx_runtime_tries_them()
    {
        // Where the CUDA 13 runtime is installed this machine can run the provider, and there is nothing to refuse.
        Assert.SkipWhen(NativeLibrary.TryLoad("libcudart.so.13", out _), "The CUDA 13 runtime is installed here: the provider loads.");
        using var options = new SessionOptions();

        var refused = Assert.Throws<DllNotFoundException>(() => new OrtCudaProvider().Append(options, 0));

        Assert.Contains("CUDA libraries", refused.Message, StringComparison.Ordinal);
    }
}
