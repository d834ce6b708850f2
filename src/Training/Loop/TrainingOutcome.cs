namespace MelanoGans.Training.Loop;

/// <summary>How a call to <see cref="Trainer.Train"/> ended.</summary>
/// <param name="RunDirectory">The run folder.</param>
/// <param name="Step">Steps completed (the last checkpoint's step).</param>
/// <param name="Interrupted">True when cancelled (Ctrl+C) before the planned number of steps.</param>
/// <param name="Failure">
/// Why the run stopped on its own before its plan, e.g. "loss_d became infinite at step 2"; null when it did not. The
/// checkpoints before that step are kept and nothing is written for it.
/// </param>
public sealed record TrainingOutcome(string RunDirectory, long Step, bool Interrupted, string? Failure = null);
