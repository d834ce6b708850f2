namespace MelanoGans.Training.Tests.TestSupport;

/// <summary>
/// Tests that change process-wide native settings (torch threads, LibTorch's convolution backends) or load both cores
/// run alone, after the others, so no other test trains under their settings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeSettingsCollection
{
    public const string Name = "Native settings";
}
