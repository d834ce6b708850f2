namespace MelanoGans.Server.Jobs;

/// <summary>
/// Takes a kind's progress reports from the workers' hub (<see cref="WorkerHub"/>): a training tick, an experiment's
/// or a metrics job's progress. Each kind registers one for its report type and records through
/// <see cref="JobCoordinator.ProgressAsync"/>, so the hub knows no kind.
/// </summary>
public interface IJobProgressHandler<in TProgress>
{
    Task ProgressAsync(long jobId, string connectionId, TProgress progress);
}
