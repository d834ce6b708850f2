namespace MelanoGans.Server.Jobs;

/// <summary>
/// Where a job stands in a progress report: its step of the total, and what a kind knows besides (the epoch and
/// throughput of a training run, the stage of a metrics job). A null leaves the job's value as it was.
/// </summary>
public readonly record struct JobStep(long Step, long TotalSteps, int? Epoch = null, double? ImagesPerSecond = null, string? Message = null);
