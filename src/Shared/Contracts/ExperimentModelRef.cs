namespace MelanoGans.Shared.Contracts;

/// <summary>A registered generator an experiment job uses.</summary>
/// <param name="Id">The model's id on the server.</param>
/// <param name="Name">Its display name; the synthetic arm is named after it.</param>
public sealed record ExperimentModelRef(int Id, string Name);
