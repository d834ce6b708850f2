namespace MelanoGans.Shared.Contracts.Events;

/// <summary>A dataset finished building (phantom render or import) and can be used.</summary>
/// <param name="DatasetId">Database id of the dataset.</param>
/// <param name="Name">Its display name.</param>
public sealed record DatasetReady(int DatasetId, string Name) : IStudioEvent;
