using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Api;

/// <summary>A registered generator, its latest generator metrics (null until a metrics job ran), and its pools, newest first.</summary>
public sealed record ModelDetail(ModelSummary Model, IReadOnlyList<GeneratedPoolSummary> Pools, ModelMetricsView? Metrics);
