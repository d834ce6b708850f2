namespace MelanoGans.Training.Checkpoints;

/// <summary>A checkpoint that cannot be used: missing, corrupt, or from a different network.</summary>
public sealed class CheckpointException(string message, Exception? inner = null) : Exception(message, inner);
