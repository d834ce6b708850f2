namespace MelanoGans.Training.Commands;

/// <summary>Seconds per PyTorch training step as bench/dcgan_train_step.py reports them, with the torch build and BLAS it ran on.</summary>
internal sealed record BenchPythonResult(double Median, double Min, double CpuMedian, string? Version, string? Blas);
