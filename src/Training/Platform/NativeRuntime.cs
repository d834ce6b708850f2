using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MelanoGans.Training.Platform;

/// <summary>Process-wide settings for the native libraries, applied once before the first tensor exists.</summary>
internal static partial class NativeRuntime
{
    private const int MallocMmapThreshold = -3;
    private const int MallocTrimThreshold = -1;
    private static int configured;
    private static int convolutionsChosen;

    /// <summary>Where Torch work runs: the GPU when there is one, else the CPU (training and the experiment's classifiers).</summary>
    public static Device DefaultDevice => cuda.is_available() ? CUDA : CPU;

    /// <summary>cpu or cuda, as workers report a device to the server.</summary>
    public static string NameOf(Device device) => device.type.ToString().ToLowerInvariant();

    /// <summary>
    /// Sets OpenMP to sleep instead of spin (libgomp reads the variable when libtorch loads; .NET's
    /// Environment.SetEnvironmentVariable does not reach the C environment, hence setenv), keeps freed
    /// memory inside malloc (large activations otherwise cost ~900k page faults per 256x256 forward)
    /// and fixes torch's thread count. <paramref name="tuneMalloc"/> false leaves malloc alone (benchmarks that
    /// compare TorchSharp with ONNX Runtime in one process, where mallopt would change both sides).
    /// </summary>
    public static void Configure(int threads, bool tuneMalloc = true)
    {
        if (Interlocked.Exchange(ref configured, 1) == 0 && OperatingSystem.IsLinux())
        {
            if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null)
            {
                _ = SetEnv("OMP_WAIT_POLICY", "PASSIVE", 0);
            }

            if (tuneMalloc)
            {
                _ = MallOpt(MallocMmapThreshold, int.MaxValue);
                _ = MallOpt(MallocTrimThreshold, int.MaxValue);
            }
        }

        SetThreads(threads);
        UseLibTorchConvolutions();
    }

    /// <summary>
    /// Puts convolutions on LibTorch's own kernels, once per process, before the first graph is built (oneDNN's input
    /// gradients are wrong for some channel counts: <see cref="ConvolutionBackends"/>). Every training entry point
    /// calls it; later calls leave the choice alone, so <c>bench train --onednn</c> can turn oneDNN back on to compare.
    /// </summary>
    public static void UseLibTorchConvolutions()
    {
        if (Interlocked.Exchange(ref convolutionsChosen, 1) == 0)
        {
            ConvolutionBackends.OneDnn = false;
            ConvolutionBackends.Nnpack = false;
        }
    }

    /// <summary>Sets the intra-op thread count; 0 keeps libtorch's default (one per core).</summary>
    public static void SetThreads(int threads)
    {
        if (threads > 0)
        {
            set_num_threads(threads);
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
