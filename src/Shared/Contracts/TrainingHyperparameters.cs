using System.ComponentModel;
using System.Globalization;

namespace MelanoGans.Shared.Contracts;

/// <summary>
/// The hyperparameters of a GAN training run, with the study's defaults (docs/design.md, "Defaults taken from the study")
/// and the rules they must meet. The one list of them: <c>melanogans train</c> makes one option per property (the
/// <see cref="DescriptionAttribute"/> is its help), the browser's form fills <see cref="TrainingJobOptions"/>, the
/// worker hands a job's values to the trainer unchanged, and every run saves them in <c>training_options.json</c>.
/// Adding one means a property here and a field on the training form.
/// </summary>
public record TrainingHyperparameters
{
    /// <summary>dcgan, lapgan, ddgan-upsample or ddgan-deconv (<see cref="Architectures"/>).</summary>
    [Description("Architecture: dcgan, lapgan, ddgan-upsample or ddgan-deconv.")]
    public string Architecture { get; init; } = "dcgan";

    /// <summary>Side of the generated images: a power of two from 32 to 256.</summary>
    [Description("Image side in pixels: a power of two from 32 to 256.")]
    public int Resolution { get; init; } = 256;

    /// <summary>The manifest.csv label to train on (e.g. melanoma), or null for all images.</summary>
    [Description("Train on one label of manifest.csv only (e.g. melanoma).")]
    public string? Class { get; init; }

    /// <summary>lsgan (the study's) or nonsaturating (<see cref="Losses"/>).</summary>
    [Description("lsgan (the study's) or nonsaturating.")]
    public string Loss { get; init; } = "lsgan";

    /// <summary>Dimension of the standard normal latent.</summary>
    [Description("Latent dimension.")]
    public int Latent { get; init; } = 64;

    /// <summary>Base channel width of generator and discriminator.</summary>
    [Description("Base channel width of both networks.")]
    public int Width { get; init; } = 64;

    /// <summary>Images per step.</summary>
    [Description("Images per step.")]
    public int Batch { get; init; } = 8;

    /// <summary>Passes over the data set.</summary>
    [Description("Passes over the data set.")]
    public int Epochs { get; init; } = 200;

    /// <summary>Stop after this many steps even if epochs remain (smoke tests, budgets); null = no limit.</summary>
    [Description("Stop after this many steps (smoke tests, budgets).")]
    public long? MaxSteps { get; init; }

    /// <summary>Adam learning rate of both networks (betas 0.5, 0.999).</summary>
    [Description("Adam learning rate (betas 0.5, 0.999).")]
    public double Lr { get; init; } = 2e-4;

    /// <summary>Seed of weights, data order, latents and augmentation.</summary>
    [Description("Seed of weights, data order, latents and augmentation.")]
    public long Seed { get; init; }

    /// <summary>Steps between sample grids and checkpoints.</summary>
    [Description("Steps between sample grids and checkpoints.")]
    public long SnapshotEvery { get; init; } = 1000;

    /// <summary>Steps between progress ticks: a stats.jsonl line, a console line, a point on the browser's chart.</summary>
    [Description("Steps between stats.jsonl lines and progress lines.")]
    public long TickEvery { get; init; } = 10;

    /// <summary>
    /// Every this many snapshots, FD and KID of the generator against the training images (ResNet-18 features of up to
    /// 500 images each), written to stats.jsonl and drawn beside the losses; 0 = off.
    /// </summary>
    [Description("Every N snapshots, FD and KID against the training images (ResNet-18 features, up to 500 images each); 0 = off.")]
    public long MetricEvery { get; init; }

    /// <summary>DiffAugment (colour, translation, cutout) on every discriminator input.</summary>
    [Description("DiffAugment (colour, translation, cutout) on every discriminator input.")]
    public bool DiffAug { get; init; }

    /// <summary>R1 penalty weight gamma; 0 = off.</summary>
    [Description("R1 penalty weight gamma (0 = off).")]
    public double R1 { get; init; }

    /// <summary>Decay of an exponential moving average of the generator (e.g. 0.999); 0 = off. Exported when on.</summary>
    [Description("EMA decay of the generator, e.g. 0.999 (0 = off); exported when on.")]
    public double Ema { get; init; }

    /// <summary>
    /// Leave this class-imbalance test split out of the training data (the same test fraction and split seed as the
    /// experiment the generator is meant for), so the generator never sees the real images its synthetic melanomas
    /// are judged against; recorded in generator.json. Null trains on every image of the class.
    /// </summary>
    [Description("Leave out the test split of `experiment imbalance --test-fraction F` (with --hold-out-split-seed), so the generator never sees its test images.")]
    public HeldOutSplit? HeldOut { get; init; }

    /// <summary>Known architecture names, in the order pickers and help list them.</summary>
    public static IReadOnlyList<string> Architectures { get; } = ["dcgan", "lapgan", "ddgan-upsample", "ddgan-deconv"];

    /// <summary>Known loss names.</summary>
    public static IReadOnlyList<string> Losses { get; } = ["lsgan", "nonsaturating"];

    /// <summary>Why these hyperparameters cannot train, one line each; empty when they can.</summary>
    public virtual IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(bool condition, string message)
        {
            if (!condition) problems.Add(message);
        }

        Check(Architectures.Contains(Architecture), $"unknown architecture '{Architecture}' (expected one of {string.Join(", ", Architectures)})");
        Check(Resolution is >= 32 and <= 256 && (Resolution & (Resolution - 1)) == 0, $"resolution must be a power of two from 32 to 256, got {Resolution}");
        Check(Losses.Contains(Loss), $"unknown loss '{Loss}' (expected {string.Join(" or ", Losses)})");
        Check(Latent >= 1 && Width >= 4, $"latent must be positive and width at least 4 (got latent {Latent}, width {Width})");
        Check(Batch >= 1, "batch must be at least 1");
        Check(Epochs >= 1, "epochs must be at least 1");
        Check(MaxSteps is null or >= 1, "max-steps must be at least 1 (or none)");
        // JSON reads 1e309 as infinity: finite numbers only, or the job cannot be written back as JSON.
        Check(double.IsFinite(Lr) && Lr > 0, "lr must be a positive finite number");
        Check(SnapshotEvery >= 1 && TickEvery >= 1, "snapshot-every and tick-every must be at least 1");
        Check(MetricEvery >= 0, "metric-every must be 0 (off) or a number of snapshots");
        Check(double.IsFinite(R1) && R1 >= 0, "r1 must be 0 (off) or a positive finite number");
        Check(Ema is 0 or (> 0 and < 1) && double.IsFinite(Ema), Invariant($"ema must be 0 (off) or a decay in (0, 1), got {Ema}"));
        Check(HeldOut is null or { TestFraction: > 0 and < 1 }, "the held-out test fraction must be in (0, 1)");
        return problems;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
