using System.ComponentModel.DataAnnotations;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// The built-in phantom dataset, rendered on the first start so the app is useful out of the box.
/// Bound from <c>Studio:Phantom</c>.
/// </summary>
public sealed class PhantomOptions
{
    public const string Section = "Studio:Phantom";

    /// <summary>Render the phantom dataset on start when it does not exist yet.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Number of images; the class counts follow ISIC 2017's proportions (2000 = 374/254/1372).</summary>
    [Range(3, 100_000)]
    public int Count { get; set; } = PhantomDatasetPlan.DefaultCount;

    /// <summary>Side of the images in pixels.</summary>
    [Range(PhantomRenderer.MinSize, PhantomRenderer.MaxSize)]
    public int Size { get; set; } = PhantomRenderer.DefaultSize;

    /// <summary>Dataset seed: the same seed gives byte-identical images.</summary>
    public ulong Seed { get; set; } = PhantomDatasetPlan.DefaultSeed;
}
