namespace MelanoGans.Shared.Contracts;

/// <summary>
/// The trainer's options as an admin chooses them in the browser (defaults from the study, DESIGN.md). The
/// worker maps them onto <c>melanogans train</c>; the dataset travels by id and is downloaded by the worker.
/// </summary>
public sealed record TrainingJobOptions
{
    /// <summary>dcgan, lapgan, ddgan-upsample or ddgan-deconv.</summary>
    public string Architecture { get; init; } = "dcgan";

    /// <summary>Side of the generated images: a power of two from 32 to 256.</summary>
    public int Resolution { get; init; } = 256;

    /// <summary>The server's dataset to train on.</summary>
    public int DatasetId { get; init; }

    /// <summary>Class label to train on (e.g. melanoma), or null for all images.</summary>
    public string? Class { get; init; }

    /// <summary>Passes over the data set.</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Stop after this many steps even if epochs remain; null = no limit.</summary>
    public long? MaxSteps { get; init; }

    /// <summary>lsgan (the study's) or nonsaturating.</summary>
    public string Loss { get; init; } = "lsgan";

    /// <summary>Images per step.</summary>
    public int Batch { get; init; } = 8;

    /// <summary>Adam learning rate (betas 0.5, 0.999).</summary>
    public double Lr { get; init; } = 2e-4;

    /// <summary>Seed of weights, data order, latents and augmentation.</summary>
    public long Seed { get; init; }

    /// <summary>Latent dimension.</summary>
    public int Latent { get; init; } = 64;

    /// <summary>Base channel width of both networks.</summary>
    public int Width { get; init; } = 64;

    /// <summary>DiffAugment on every discriminator input.</summary>
    public bool DiffAug { get; init; }

    /// <summary>R1 penalty weight gamma; 0 = off.</summary>
    public double R1 { get; init; }

    /// <summary>EMA decay of the generator (e.g. 0.999); 0 = off.</summary>
    public double Ema { get; init; }

    /// <summary>Steps between progress ticks (loss points on the chart).</summary>
    public long TickEvery { get; init; } = 10;

    /// <summary>Steps between sample grids and checkpoints.</summary>
    public long SnapshotEvery { get; init; } = 1000;

    /// <summary>
    /// Leave this class-imbalance test split out of the training data (same test fraction and split seed as the
    /// experiment the generator is meant for); null trains on every image of the class.
    /// </summary>
    public HeldOutSplit? HeldOut { get; init; }

    /// <summary>
    /// Set when the job is not a GAN run but a class-imbalance experiment on <see cref="DatasetId"/>: the worker then
    /// runs <c>experiment imbalance</c> with these settings and uploads results.json; the GAN options are unused.
    /// </summary>
    public ExperimentJobOptions? Experiment { get; init; }

    /// <summary>Known architecture names, in the order pickers list them.</summary>
    public static IReadOnlyList<string> Architectures { get; } = ["dcgan", "lapgan", "ddgan-upsample", "ddgan-deconv"];

    /// <summary>Known loss names.</summary>
    public static IReadOnlyList<string> Losses { get; } = ["lsgan", "nonsaturating"];

    /// <summary>The reasons these options cannot run; empty when they can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Architectures.Contains(Architecture)) problems.Add($"Unknown architecture '{Architecture}'.");
        if (Resolution is < 32 or > 256 || (Resolution & (Resolution - 1)) != 0) problems.Add("The resolution must be a power of two from 32 to 256.");
        if (!Losses.Contains(Loss)) problems.Add($"Unknown loss '{Loss}'.");
        if (Epochs < 1) problems.Add("Epochs must be at least 1.");
        if (MaxSteps is < 1) problems.Add("Max steps must be at least 1 (or empty).");
        if (Batch < 1) problems.Add("The batch must hold at least one image.");
        if (!(Lr > 0)) problems.Add("The learning rate must be positive.");
        if (Latent < 1 || Width < 4) problems.Add("The latent must be positive and the width at least 4.");
        if (R1 < 0) problems.Add("R1 must be 0 (off) or positive.");
        if (Ema is not 0 and (<= 0 or >= 1)) problems.Add("EMA must be 0 (off) or a decay in (0, 1).");
        if (TickEvery < 1 || SnapshotEvery < 1) problems.Add("Tick and snapshot intervals must be at least 1 step.");
        if (HeldOut is { TestFraction: not (> 0 and < 1) }) problems.Add("The held-out test fraction must be between 0 and 1.");
        return problems;
    }
}
