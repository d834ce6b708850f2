namespace MelanoGans.Shared.Metrics;

/// <summary>Kernel Inception Distance: the unbiased MMD² estimate, averaged over subsets.</summary>
/// <param name="Mean">Mean of the per-subset unbiased MMD² estimates (can be slightly negative when the sets match).</param>
/// <param name="Sd">Sample standard deviation (divisor subsets - 1) of the per-subset estimates; 0 with one subset.</param>
/// <param name="SubsetSize">
/// Rows drawn from each set per subset. When the full sets are used (one subset), the smaller set's row count: each
/// set is then used whole, whatever its size.
/// </param>
/// <param name="Subsets">Number of subsets averaged; 1 when the full sets are used.</param>
public sealed record KidResult(double Mean, double Sd, int SubsetSize, int Subsets);
