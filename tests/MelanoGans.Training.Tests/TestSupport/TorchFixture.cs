using MelanoGans.Training.Platform;

[assembly: AssemblyFixture(typeof(MelanoGans.Training.Tests.TestSupport.TorchFixture))]

namespace MelanoGans.Training.Tests.TestSupport;

/// <summary>One torch thread for the whole test run: deterministic numbers and no OpenMP spinning on shared CI cores.</summary>
public sealed class TorchFixture
{
    public TorchFixture() => NativeRuntime.Configure(1);
}
