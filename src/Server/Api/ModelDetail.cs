using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Api;

/// <summary>A registered generator and the pools generated from it, newest first.</summary>
public sealed record ModelDetail(ModelSummary Model, IReadOnlyList<GeneratedPoolSummary> Pools);
