using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Contracts;

/// <summary>
/// The real test split of a class-imbalance experiment, left out of a GAN's training data so the generator never
/// sees the images its synthetic melanomas are later judged against. The experiment with the same test fraction
/// and split seed on the same dataset holds out exactly these images (<c>ImbalanceSplitPlan.TestCount</c> per label).
/// </summary>
/// <param name="TestFraction">Fraction of each label held out, in (0, 1).</param>
/// <param name="SplitSeed">Seed of the split.</param>
public sealed record HeldOutSplit(
    [property: JsonPropertyName("test_fraction")] double TestFraction,
    [property: JsonPropertyName("split_seed")] long SplitSeed)
{
    public override string ToString() => FormattableString.Invariant($"test fraction {TestFraction}, split seed {SplitSeed}");
}
