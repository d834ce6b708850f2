namespace MelanoGans.Shared.Contracts;

/// <summary>One finished classifier of a running experiment (one arm, one seed), pushed live as it finishes.</summary>
/// <param name="Arm">Arm key: full, imbalanced, weighted, oversampled, or synthetic:NAME.</param>
/// <param name="Label">What the table shows for the arm.</param>
/// <param name="Seed">The classifier seed.</param>
/// <param name="Metrics">Metric name to value on the real test split (melanoma = positive).</param>
/// <param name="Seconds">Wall time of training and evaluation.</param>
/// <param name="TrainMelanoma">Real melanomas it trained on.</param>
/// <param name="SyntheticMelanoma">Synthetic melanomas it trained on.</param>
/// <param name="TrainOther">Other lesions it trained on.</param>
public sealed record ExperimentRunReport(
    string Arm,
    string Label,
    long Seed,
    IReadOnlyDictionary<string, double> Metrics,
    double Seconds,
    int TrainMelanoma,
    int SyntheticMelanoma,
    int TrainOther);
