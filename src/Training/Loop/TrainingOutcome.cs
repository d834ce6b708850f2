namespace MelanoGans.Training.Loop;

/// <summary>How a call to <see cref="Trainer.Run"/> ended.</summary>
/// <param name="RunDirectory">The run folder.</param>
/// <param name="Step">Steps completed (the last checkpoint's step).</param>
/// <param name="Interrupted">True when cancelled (Ctrl+C) before the planned number of steps.</param>
public sealed record TrainingOutcome(string RunDirectory, long Step, bool Interrupted);
