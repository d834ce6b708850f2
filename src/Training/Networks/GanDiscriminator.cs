using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>
/// The discriminators of one architecture, one per pyramid level (one for DCGAN). <c>forward</c> takes the
/// level views made by <see cref="PyramidViews.ForDiscriminators"/> and returns one logit vector per level.
/// </summary>
public sealed class GanDiscriminator : nn.Module<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>>
{
    private readonly ModuleList<DcganDiscriminator> levels;

    public GanDiscriminator(NetworkSpec spec)
        : base(nameof(GanDiscriminator))
    {
        Spec = spec;
        levels = new ModuleList<DcganDiscriminator>(spec.LevelSizes.Select((size, k) =>
            new DcganDiscriminator(spec, InputChannels(spec, k), size)).ToArray());
        RegisterComponents();
    }

    public NetworkSpec Spec { get; }

    public override IReadOnlyList<Tensor> forward(IReadOnlyList<Tensor> views) =>
        views.Select((view, k) => levels[k].call(view)).ToArray();

    /// <summary>LAPGAN's finer discriminators judge the residual conditioned on the upsampled coarser image (6 channels).</summary>
    private static int InputChannels(NetworkSpec spec, int level) =>
        spec.Architecture == GanArchitecture.Lapgan && level > 0 ? 6 : 3;
}
