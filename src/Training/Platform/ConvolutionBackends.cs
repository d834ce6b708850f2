using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MelanoGans.Training.Platform;

/// <summary>
/// LibTorch's process-wide switches for the third-party CPU convolution kernels, which TorchSharp does not expose.
/// The trainer turns both off and runs LibTorch's own kernels. oneDNN (MKLDNN): in the LibTorch 2.10.0 of
/// libtorch-cpu-linux-x64 (oneDNN 3.7.1) the input gradient of a convolution whose output channel count is not a
/// multiple of the kernel's vector block (1 for a discriminator's logit, 3 for an RGB or residual output) is computed
/// from memory the kernel never wrote: wrong by 20-90% on a used heap and NaN wherever that memory held a NaN, so
/// generators learned through a garbled gradient and runs became NaN at random (docs/training.md, "Convolution
/// kernels"). NNPACK: LibTorch would try it for some forward passes instead, and on CPUs it does not support it
/// prints a warning at every call; off, every machine runs the same kernels.
/// </summary>
internal static partial class ConvolutionBackends
{
    private const string Library = "libtorch_cpu.so";

    /// <summary>Whether LibTorch may dispatch CPU convolutions to oneDNN.</summary>
    public static bool OneDnn
    {
        get => UserEnabledMkldnn(Context());
        set => SetUserEnabledMkldnn(Context(), value);
    }

    /// <summary>Whether LibTorch may dispatch CPU convolutions to NNPACK.</summary>
    public static bool Nnpack
    {
        get => UserEnabledNnpack(Context());
        set => SetUserEnabledNnpack(Context(), value);
    }

    /// <summary>at::globalContext(), after TorchSharp has loaded libtorch_cpu.so from its own folder (the imports bind that copy).</summary>
    private static IntPtr Context()
    {
        _ = get_num_threads();
        return GlobalContext();
    }

    // Exported by libtorch_cpu.so under their Itanium C++ names; a member function takes its object first.
    [LibraryImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static partial IntPtr GlobalContext();

    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static partial void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [LibraryImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool UserEnabledMkldnn(IntPtr context);

    [LibraryImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static partial void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [LibraryImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool UserEnabledNnpack(IntPtr context);
}
