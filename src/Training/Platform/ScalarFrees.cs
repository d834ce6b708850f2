using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MelanoGans.Training.Platform;

/// <summary>
/// Points TorchSharp's native calls at <see cref="Library"/> (build/scalar_frees.c), which frees a LibTorch Scalar only
/// once the thread that made it has made another (or has exited): TorchSharp 0.107 passes implicitly made Scalars to
/// LibTorch with no reference held during the call, so a collection on another thread could free one mid-call
/// ("Expected false to be true" from c10::Scalar::toFloat failed a CI run's experiment job). A thread that makes a
/// Scalar is not inside a native call, so the call that read a disposed one has returned: no delay is involved.
/// Installed when this assembly loads, before TorchSharp binds any native function; the build compiles the library
/// with gcc next to every copy of libLibTorchSharp.so.
/// </summary>
public static class ScalarFrees
{
    public const string Library = "libMelanoGansScalarFrees.so";

    /// <summary>True when TorchSharp's Scalars are freed through the delay in this process.</summary>
    public static bool Installed { get; private set; }

    /// <summary>Why not, when not installed (for the worker's log and the tests).</summary>
    public static string? NotInstalledReason { get; private set; }

    /// <summary>Whether the native Scalar at <paramref name="handle"/> was disposed and still waits for its thread's next Scalar.</summary>
    internal static bool IsPending(IntPtr handle) => Installed && ScalarFreePending(handle) != 0;

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "TorchSharp binds each native function at its first call: the resolver must be set before any.")]
    internal static void Install()
    {
        var path = Path.Combine(AppContext.BaseDirectory, Library);
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            NotInstalledReason = OperatingSystem.IsLinux() ? $"{Library} was not built (no gcc when the project was built)" : $"{Library} is built on Linux only";
            return;
        }

        if (!NativeLibrary.TryLoad(path, out var handle))
        {
            NotInstalledReason = $"{path} did not load";
            return;
        }

        NativeLibrary.SetDllImportResolver(typeof(Tensor).Assembly, (name, _, _) => name == "LibTorchSharp" ? handle : IntPtr.Zero);
        Installed = true;
    }

    [DllImport(Library, EntryPoint = "MelanoGans_ScalarFreePending")]
    private static extern int ScalarFreePending(IntPtr handle);
}
