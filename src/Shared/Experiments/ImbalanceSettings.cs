using System.Globalization;

namespace MelanoGans.Shared.Experiments;

/// <summary>
/// The knobs of the class-imbalance experiment, shared by <c>melanogans experiment imbalance</c> and by experiments
/// an admin starts in the browser (which a trainer worker runs). Defaults suit a CPU run at 64x64.
/// </summary>
public record ImbalanceSettings
{
    /// <summary>Epochs used when neither <see cref="Epochs"/> nor <see cref="Steps"/> is given.</summary>
    public const int DefaultEpochs = 10;

    /// <summary>Side of the square images the classifier sees (a power of two from 32 to 256).</summary>
    public int Resolution { get; init; } = 64;

    /// <summary>Fraction of the training melanomas removed in the imbalanced arms, in [0, 1).</summary>
    public double RemoveFraction { get; init; } = 0.9;

    /// <summary>Fraction of each label held out as the real test split, in (0, 1).</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed of the test split; the same for every arm and classifier seed.</summary>
    public long SplitSeed { get; init; }

    /// <summary>Number of classifier seeds per arm (0, 1, ...).</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>Passes over the full real training split, converted to a step count that every arm gets.</summary>
    public int? Epochs { get; init; }

    /// <summary>Optimiser steps per classifier; overrides <see cref="Epochs"/>.</summary>
    public int? Steps { get; init; }

    /// <summary>Images per step.</summary>
    public int Batch { get; init; } = 32;

    /// <summary>Adam learning rate.</summary>
    public double Lr { get; init; } = 1e-3;

    /// <summary>Channels of the classifier's first stage (doubled at every later stage).</summary>
    public int Width { get; init; } = 16;

    /// <summary>
    /// How many synthetic melanomas a synthetic arm adds: "original" brings the melanoma count back to the full real
    /// training split (the removed ones replaced by fakes), "equal" up to the number of other lesions.
    /// </summary>
    public string SyntheticTarget { get; init; } = "original";

    /// <summary>Known values of <see cref="SyntheticTarget"/>.</summary>
    public static IReadOnlyList<string> SyntheticTargets { get; } = ["original", "equal"];

    /// <summary>The step count every arm trains for, from <see cref="Steps"/> or from epochs over the full real training split.</summary>
    public int StepsFor(int fullTrainCount) =>
        Steps ?? (int)Math.Ceiling((double)(Epochs ?? DefaultEpochs) * fullTrainCount / Batch);

    /// <summary>Why these settings cannot run, one line each; empty when they can.</summary>
    public virtual IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(bool condition, string message)
        {
            if (!condition) problems.Add(message);
        }

        Check(Resolution is >= 32 and <= 256 && (Resolution & (Resolution - 1)) == 0, $"resolution must be a power of two from 32 to 256, got {Resolution}");
        Check(RemoveFraction is >= 0 and < 1, Invariant($"remove-fraction must be in [0, 1), got {RemoveFraction}"));
        Check(TestFraction is > 0 and < 1, Invariant($"test-fraction must be in (0, 1), got {TestFraction}"));
        Check(Seeds is >= 1 and <= 100, $"seeds must be from 1 to 100, got {Seeds}");
        Check(Epochs is null or >= 1, "epochs must be at least 1");
        Check(Steps is null or >= 1, "steps must be at least 1");
        Check(Batch >= 2, "batch must be at least 2");
        Check(Lr > 0, "lr must be positive");
        Check(Width is >= 2 and <= 256, "width must be from 2 to 256");
        Check(SyntheticTargets.Contains(SyntheticTarget), $"synthetic-target must be original or equal, got '{SyntheticTarget}'");
        return problems;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
