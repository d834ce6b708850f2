namespace MelanoGans.Shared.Contracts;

/// <summary>Sent by a worker when a run starts or resumes.</summary>
/// <param name="Step">Step it starts from: 0 for a new run, the checkpoint's step on resume.</param>
/// <param name="TotalSteps">Steps planned in all.</param>
/// <param name="Device">cpu or cuda.</param>
public sealed record TrainingStart(long Step, long TotalSteps, string Device);
