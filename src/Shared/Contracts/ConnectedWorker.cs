namespace MelanoGans.Shared.Contracts;

/// <summary>A worker connected to the training hub right now.</summary>
/// <param name="JobId">The job it is training, if any.</param>
public sealed record ConnectedWorker(string Name, string Device, string TokenName, DateTimeOffset ConnectedAt, long? JobId);
