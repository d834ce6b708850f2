namespace MelanoGans.Training.Loop;

/// <summary>The losses of one step, as plain numbers (the tensors are gone with the step's dispose scope).</summary>
public readonly record struct StepLosses(double LossD, double LossG, double? LossR1);
