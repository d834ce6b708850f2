namespace MelanoGans.Training.Commands;

/// <summary>Seconds per TorchSharp training step over the timed steps (wall: median, min, max; process CPU: median), and minor page faults per step.</summary>
internal sealed record BenchStepTimes(double Median, double Min, double Max, double CpuMedian, double MinorFaultsPerStep);
