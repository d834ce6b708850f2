namespace MelanoGans.Training.Experiments;

/// <summary>One arm to run: its key, its table label, how it trains, and the generator of a synthetic arm.</summary>
internal sealed record ExperimentArm(string Name, string Label, ExperimentArmKind Kind, SyntheticMelanomaModel? Model = null);
