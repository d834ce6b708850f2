using MelanoGans.Shared.Contracts;
using System.Text.Json;
using System.Text.Json.Serialization;
using MelanoGans.Training.Losses;
using MelanoGans.Training.Networks;

namespace MelanoGans.Training.Loop;

/// <summary>The options of a training run, saved as <c>training_options.json</c> in its run directory.</summary>
public sealed record TrainOptions
{
    /// <summary>File name inside a run directory.</summary>
    public const string FileName = "training_options.json";

    /// <summary>snake_case JSON, as every file of the run directory.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>dcgan, lapgan, ddgan-upsample or ddgan-deconv.</summary>
    public string Architecture { get; init; } = "dcgan";

    /// <summary>Side of the generated images (power of two, 32..256).</summary>
    public int Resolution { get; init; } = 256;

    /// <summary>Image folder (PNG/JPEG) with an optional manifest.csv (file,label).</summary>
    public required string Dataset { get; init; }

    /// <summary>Label to train on (manifest.csv), or null for all images.</summary>
    public string? Class { get; init; }

    /// <summary>lsgan (the study's) or nonsaturating.</summary>
    public string Loss { get; init; } = "lsgan";

    /// <summary>Latent dimension.</summary>
    public int Latent { get; init; } = 64;

    /// <summary>Base channel width of generator and discriminator.</summary>
    public int Width { get; init; } = 64;

    /// <summary>Images per step.</summary>
    public int Batch { get; init; } = 8;

    /// <summary>Passes over the data set.</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Stop after this many steps even if epochs remain (smoke tests, budgets).</summary>
    public long? MaxSteps { get; init; }

    /// <summary>Adam learning rate for both networks (betas 0.5, 0.999).</summary>
    public double Lr { get; init; } = 2e-4;

    /// <summary>Seed of weights, data order, latents and augmentation.</summary>
    public long Seed { get; init; }

    /// <summary>Write a sample grid and a checkpoint every this many steps.</summary>
    public long SnapshotEvery { get; init; } = 1000;

    /// <summary>Write a stats.jsonl line and a console line every this many steps.</summary>
    public long TickEvery { get; init; } = 10;

    /// <summary>Torch intra-op threads; 0 = libtorch's default.</summary>
    public int Threads { get; init; }

    /// <summary>DiffAugment (colour, translation, cutout) on every discriminator input.</summary>
    public bool DiffAug { get; init; }

    /// <summary>R1 penalty weight gamma; 0 = off.</summary>
    public double R1 { get; init; }

    /// <summary>Decay of an exponential moving average of the generator (e.g. 0.999); 0 = off. Exported when on.</summary>
    public double Ema { get; init; }

    /// <summary>
    /// Leave this class-imbalance test split out of the data (the experiment's own split over manifest.csv), so
    /// the generator never sees the real images its synthetic melanomas are judged against; recorded in generator.json.
    /// </summary>
    public HeldOutSplit? HeldOut { get; init; }

    /// <summary>The folder the trainer reads: <see cref="Dataset"/>, or its held-out copy (made once).</summary>
    public string TrainingFolder(TextWriter log) =>
        HeldOut is { } split ? Experiments.HeldOutDataset.Prepare(Dataset, split, log) : Dataset;

    [JsonIgnore]
    public NetworkSpec Spec => new NetworkSpec(GanArchitectureNames.Parse(Architecture), Resolution, Latent, Width).Validate();

    [JsonIgnore]
    public GanLoss LossKind => AdversarialLoss.Parse(Loss);

    /// <summary>Throws with a one-line reason for an invalid combination.</summary>
    public TrainOptions Validate()
    {
        _ = Spec;
        _ = LossKind;
        Check(Batch >= 1, "batch must be at least 1");
        Check(Epochs >= 1, "epochs must be at least 1");
        Check(MaxSteps is null or >= 1, "max-steps must be at least 1");
        Check(Lr > 0, "lr must be positive");
        Check(SnapshotEvery >= 1 && TickEvery >= 1, "snapshot-every and tick-every must be at least 1");
        Check(Threads >= 0, "threads must be 0 (default) or more");
        Check(R1 >= 0, "r1 must be 0 (off) or positive");
        Check(Ema is 0 or (> 0 and < 1), "ema must be 0 (off) or a decay in (0, 1)");
        Check(HeldOut is null or { TestFraction: > 0 and < 1 }, "the held-out test fraction must be in (0, 1)");
        return this;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
