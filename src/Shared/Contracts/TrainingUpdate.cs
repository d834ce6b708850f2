namespace MelanoGans.Shared.Contracts;

/// <summary>A live change of a training job, pushed to pages in process.</summary>
/// <param name="Job">The job after the change.</param>
/// <param name="Tick">The new tick, when the change is one.</param>
/// <param name="Grid">The new grid, when the change is one.</param>
/// <param name="Restarted">True when the run restarted or resumed at <see cref="TrainingJobSummary.Step"/>: later ticks and grids were dropped.</param>
/// <param name="ExperimentRun">For an experiment: the classifier that just finished, when the change is one.</param>
public sealed record TrainingUpdate(TrainingJobSummary Job, TrainingTick? Tick, TrainingGridView? Grid, bool Restarted, ExperimentRunReport? ExperimentRun = null) : Events.IStudioEvent;
