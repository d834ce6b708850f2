namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>A generated pool a study can draw fakes from.</summary>
/// <param name="Label">The lesion class its generator was trained on (an ISIC name); null when trained on every class.</param>
public sealed record PoolChoice(int Id, string Name, string ModelName, int Resolution, int Count, string? Label = null);
