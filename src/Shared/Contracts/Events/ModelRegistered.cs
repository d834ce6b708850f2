namespace MelanoGans.Shared.Contracts.Events;

/// <summary>A generator joined the model registry (upload, training job, or the demo at start).</summary>
/// <param name="ModelId">Database id of the model.</param>
/// <param name="Name">Its unique display name.</param>
public sealed record ModelRegistered(int ModelId, string Name) : IStudioEvent;
