namespace MelanoGans.Shared.Contracts;

/// <summary>A metrics job's progress: images through the feature network (real, then generated) out of all.</summary>
/// <param name="Done">Images done.</param>
/// <param name="Total">Real plus generated images.</param>
/// <param name="Stage">What the worker does now, for a person ("features of 2000 real images").</param>
public sealed record MetricsProgress(long Done, long Total, string Stage);
