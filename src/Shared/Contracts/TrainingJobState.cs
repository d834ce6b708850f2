namespace MelanoGans.Shared.Contracts;

/// <summary>Life cycle of a training job.</summary>
public enum TrainingJobState
{
    /// <summary>Waiting for a worker (also after an interruption: then it resumes).</summary>
    Queued,

    /// <summary>A worker took it and is fetching the dataset.</summary>
    Claimed,

    /// <summary>Steps are being trained.</summary>
    Running,

    /// <summary>Trained, exported and registered as a model.</summary>
    Succeeded,

    Failed,

    Cancelled,
}
