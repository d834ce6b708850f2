namespace MelanoGans.Training.Commands;

/// <summary>What <c>melanogans bench train</c> measures.</summary>
/// <param name="Archs">Architecture names, as <c>--arch</c> spells them.</param>
/// <param name="Resolutions">Image sides.</param>
/// <param name="Threads">Torch intra-op threads, the same for TorchSharp and PyTorch.</param>
/// <param name="Batch">Images per step.</param>
/// <param name="Warmup">Untimed steps first.</param>
/// <param name="Steps">Timed steps; the median is reported.</param>
/// <param name="OneDnn">Both sides on oneDNN's convolutions instead of LibTorch's own (the trainer's).</param>
internal sealed record BenchTrainPlan(IReadOnlyList<string> Archs, IReadOnlyList<int> Resolutions, int Threads, int Batch, int Warmup, int Steps, bool OneDnn = false)
{
    /// <summary>Throws with a one-line reason when the plan cannot run.</summary>
    public void Validate()
    {
        if (Archs.Count == 0 || Resolutions.Count == 0)
        {
            throw new ArgumentException("--archs and --resolutions need at least one value each");
        }

        foreach (var resolution in Resolutions)
        {
            if (resolution < 32 || resolution > 256 || (resolution & (resolution - 1)) != 0)
            {
                throw new ArgumentException($"resolution must be a power of two from 32 to 256, got {resolution}");
            }
        }

        if (Threads < 1 || Batch < 1 || Warmup < 0 || Steps < 1)
        {
            throw new ArgumentException("--threads, --batch and --steps must be at least 1, --warmup at least 0");
        }
    }
}
