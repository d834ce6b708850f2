namespace MelanoGans.Server.Training;

/// <summary>One tick of a run (a point on the loss curves), kept so a page opened mid-run shows the history.</summary>
public sealed class TrainingTickRecord
{
    public long Id { get; set; }

    public long JobId { get; set; }

    public long Step { get; set; }

    public int Epoch { get; set; }

    public long TotalSteps { get; set; }

    public double LossD { get; set; }

    public double LossG { get; set; }

    public double? LossR1 { get; set; }

    public double ImagesPerSecond { get; set; }

    /// <summary>FD against the training images when the run measured it at this step (<c>--metric-every</c>).</summary>
    public double? Fd { get; set; }

    public double? Kid { get; set; }

    public double ElapsedSeconds { get; set; }
}
