using MelanoGans.Server.Events;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// Publishes training changes on the event bus as <see cref="TrainingUpdate"/> events for the training pages,
/// and as <see cref="JobProgress"/> so every progress bar in the app sees training too.
/// </summary>
public sealed class WorkerJobNotifier(JobProgressNotifier progress, IStudioEvents events)
{
    public void Publish(TrainingUpdate update)
    {
        var job = update.Job;
        progress.Publish(new JobProgress(JobIdOf(job.Id), KindOf(job.Kind), job.Title, (int)Math.Min(job.Step, int.MaxValue),
            (int)Math.Min(job.TotalSteps, int.MaxValue), StateOf(job.State), job.Message));
        events.Publish(update);
    }

    public static string JobIdOf(long jobId) => $"training:{jobId}";

    /// <summary>The progress kind of a worker job: what its bars say it is doing.</summary>
    public static string KindOf(WorkerJobKind kind) => kind switch
    {
        WorkerJobKind.Experiment => "experiment",
        WorkerJobKind.Metrics => "metrics",
        _ => "training",
    };

    private static JobState StateOf(TrainingJobState state) => state switch
    {
        TrainingJobState.Queued => JobState.Queued,
        TrainingJobState.Claimed or TrainingJobState.Running => JobState.Running,
        TrainingJobState.Succeeded => JobState.Succeeded,
        TrainingJobState.Failed => JobState.Failed,
        _ => JobState.Cancelled,
    };
}
