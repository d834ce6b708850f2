namespace MelanoGans.Shared.Contracts;

/// <summary>Life cycle of a long-running job (import, training, generation, experiment).</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
