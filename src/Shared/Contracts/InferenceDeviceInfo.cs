namespace MelanoGans.Shared.Contracts;

/// <summary>Where generation runs, as the models page shows it.</summary>
/// <param name="Requested">The configured preference: auto, cuda or cpu.</param>
/// <param name="Device">The provider in use: "CUDA (GPU 0)" or "CPU".</param>
/// <param name="Notice">Why the requested device is not in use (CUDA missing), or null.</param>
public sealed record InferenceDeviceInfo(string Requested, string Device, string? Notice)
{
    public bool IsGpu => Device.StartsWith("CUDA", StringComparison.Ordinal);
}
