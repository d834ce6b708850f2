namespace MelanoGans.Shared.Contracts;

/// <summary>A generated pool and the state of the job that fills it.</summary>
/// <param name="JobId">Progress id of its generation job (<see cref="JobProgress.JobId"/>).</param>
/// <param name="ImageCount">Images stored so far.</param>
/// <param name="RequestedCount">Images the job was asked for.</param>
/// <param name="Message">Why the job failed or was stopped, if it did.</param>
public sealed record GeneratedPoolSummary(
    int Id,
    string Name,
    int? ModelId,
    string ModelName,
    int Resolution,
    long Seed,
    double? Truncation,
    int ImageCount,
    int RequestedCount,
    JobState State,
    string JobId,
    string? Message,
    DateTimeOffset CreatedAt);
