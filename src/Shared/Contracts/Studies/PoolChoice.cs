namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>A generated pool a study can draw fakes from.</summary>
public sealed record PoolChoice(int Id, string Name, string ModelName, int Resolution, int Count);
