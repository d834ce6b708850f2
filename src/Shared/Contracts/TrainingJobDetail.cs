namespace MelanoGans.Shared.Contracts;

/// <summary>Everything the job page shows when it opens: the job, its ticks so far and its grids.</summary>
public sealed record TrainingJobDetail(TrainingJobSummary Job, IReadOnlyList<TrainingTick> Ticks, IReadOnlyList<TrainingGridView> Grids);
