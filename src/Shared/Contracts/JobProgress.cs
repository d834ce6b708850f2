namespace MelanoGans.Shared.Contracts;

/// <summary>A snapshot of a long-running job, pushed to pages as it advances.</summary>
/// <param name="JobId">Stable id of the job, e.g. <c>dataset:3</c>.</param>
/// <param name="Kind">What sort of job: <c>dataset</c>, <c>training</c>, <c>generation</c>, ...</param>
/// <param name="Title">What a person reads: "Rendering the phantom dataset".</param>
/// <param name="Done">Units done (images, steps).</param>
/// <param name="Total">Units in all; 0 when unknown.</param>
/// <param name="State">Where the job is in its life cycle.</param>
/// <param name="Message">The latest note or error, if any.</param>
public sealed record JobProgress(string JobId, string Kind, string Title, int Done, int Total, JobState State, string? Message) : Events.IStudioEvent
{
    /// <summary>Done / Total in [0, 1]; 0 when the total is unknown.</summary>
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);

    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}
