namespace MelanoGans.Training.Commands;

/// <summary>Seconds per PyTorch training step as bench/dcgan_train_step.py reports them.</summary>
internal sealed record BenchPythonResult(double Median, double Min);
