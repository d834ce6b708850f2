namespace MelanoGans.Server.Experiments;

/// <summary>One finished classifier (arm x seed) of a running experiment job, kept so a page opened mid-run shows them.</summary>
public sealed class ExperimentRunRecord
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public required string Arm { get; set; }

    public required string Label { get; set; }

    public long Seed { get; set; }

    /// <summary>Metric name to value as JSON.</summary>
    public required string MetricsJson { get; set; }

    public double Seconds { get; set; }

    public int TrainMelanoma { get; set; }

    public int SyntheticMelanoma { get; set; }

    public int TrainOther { get; set; }
}
