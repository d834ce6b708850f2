namespace MelanoGans.Shared.Metrics;

/// <summary>What <see cref="PairwiseBlocks"/> computes for a pair of rows.</summary>
internal enum PairKind
{
    /// <summary>Sum of squared differences, each difference taken in float64 (no cancellation from norms).</summary>
    SquaredEuclidean,

    /// <summary>Dot product, accumulated in float64.</summary>
    Dot,
}
