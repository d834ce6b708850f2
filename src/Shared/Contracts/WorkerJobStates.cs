namespace MelanoGans.Shared.Contracts;

/// <summary>The worker job's life cycle as one rule: which state may follow which.</summary>
public static class WorkerJobStates
{
    /// <summary>
    /// Whether a job may move from <paramref name="from"/> to <paramref name="to"/>. Queued jobs are claimed or cancelled;
    /// held jobs run, finish, or go back to the queue when their worker goes away; finished jobs stay finished.
    /// </summary>
    public static bool CanMove(TrainingJobState from, TrainingJobState to) => (from, to) switch
    {
        (TrainingJobState.Queued, TrainingJobState.Claimed or TrainingJobState.Cancelled) => true,
        (TrainingJobState.Claimed or TrainingJobState.Running,
            TrainingJobState.Running or TrainingJobState.Queued or TrainingJobState.Succeeded or TrainingJobState.Failed or TrainingJobState.Cancelled) => true,
        _ => false,
    };

    public static bool IsFinished(TrainingJobState state) =>
        state is TrainingJobState.Succeeded or TrainingJobState.Failed or TrainingJobState.Cancelled;

    /// <summary>How people name a job: "Run 3", "Experiment 2", "Metrics 4".</summary>
    public static string Label(WorkerJobKind kind, int number) => kind switch
    {
        WorkerJobKind.Experiment => $"Experiment {number}",
        WorkerJobKind.Metrics => $"Metrics {number}",
        _ => $"Run {number}",
    };
}
